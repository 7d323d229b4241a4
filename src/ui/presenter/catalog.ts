/** Presenter mode's strings (presenter.en.json / presenter.zh-CN.json), in its own chunk. */
import { featureCatalog } from '../i18n/feature-catalog';
import en from './presenter.en.json';
import zhCN from './presenter.zh-CN.json';

export const presenterCatalog = featureCatalog(en, zhCN);
export const usePresenterT = presenterCatalog.useT;
