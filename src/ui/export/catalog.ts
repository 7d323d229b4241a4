/** The Export menu's and the handout's own strings (loaded with them, not with the first page). */
import { featureCatalog } from '../i18n/feature-catalog';
import en from './export.en.json';
import zhCN from './export.zh-CN.json';

export const exportText = featureCatalog(en, zhCN);
