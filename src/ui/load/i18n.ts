/** The load view's strings: its own catalogue pair, loaded with the view (not in the first page). */
import { featureCatalog } from '../i18n/feature-catalog';
import en from './load.en.json';
import zhCN from './load.zh-CN.json';

export const loadCatalog = featureCatalog(en, zhCN);
export const useLoadT = loadCatalog.useT;
