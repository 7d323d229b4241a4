import type { I18nText } from '../engine';

export const t = (en: string, zh: string): I18nText => ({ en, zh });
