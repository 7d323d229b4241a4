/**
 * ipvsadm, as the simulator speaks it: the table printed byte for byte as ipvsadm v1.31
 * prints it, and rules read as ipvsadm-restore reads them. See README.md.
 */
export { formatList, formatListService, printLargenum, type ListOptions } from './format-list';
export { formatConns, formatConn, expireSeconds } from './format-conns';
export { formatSave } from './format-save';
export {
  parseRules, restoreLines, streamLines, sameService,
  type ParseRulesResult, type RuleCommand, type ServiceKey,
} from './parse-rules';
export { parseIpvsadmArgs, type IpvsadmArgs, type IpvsadmView } from './parse-args';
export { runIpvsadm, type IpvsadmOutput, type IpvsadmTable } from './run';
export { IPVS_ERRORS, checkDestAddress } from './kernel-errors';
export { DEFAULT_PERSISTENCE_S } from './entry';
export { readIpvsadm, type IpvsadmRequest, type RequestOptions, type ViewRequest } from './request';
export { ipvsadmUsage, IPVSADM_VERSION_LINE } from './usage';
