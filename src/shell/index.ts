/**
 * The simulated Linux shell: every host of a live world runs Debian 12's networking commands
 * (ip, ifconfig, route, arp, sysctl, ipvsadm, curl, ping, …) against the engine, printing
 * what the real tools print. Pure TypeScript: no DOM, no Node built-ins.
 */
export { ConsoleSession, parseScript, type ScriptLine, type ParseScriptResult } from './session';
export { Shell, type LineResult } from './shell';
export { parseLine } from './parse';
export { COMMANDS } from './commands';
export { importLab, startLab, rootLabFiles, type LabFiles, type ImportedLab, type ImportResult } from './kathara/lab-import';
export { exportLab, type ExportResult } from './kathara/lab-export';
export { complete, type Completion, type CompletionSources } from './complete';
export { completionSources } from './complete-sources';
