/** The compare view's strings (compare.en.json / compare.zh-CN.json), in its own chunk. */
import { featureCatalog } from '../i18n/feature-catalog';
import en from './compare.en.json';
import zhCN from './compare.zh-CN.json';

export const compareCatalog = featureCatalog(en, zhCN);
export const useCompareT = compareCatalog.useT;
