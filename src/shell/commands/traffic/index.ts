/** The traffic family: curl, wget, ping, and the commands that start and stop web servers. */
import type { CommandFn } from '../../command';
import { CURL_COMMANDS } from './curl';
import { PING_COMMANDS } from './ping';
import { PYTHON_COMMANDS } from './python3';
import { WEB_SERVER_COMMANDS } from './web-servers';
import { WGET_COMMANDS } from './wget';

export const TRAFFIC: ReadonlyArray<[string, CommandFn]> = [
  ...CURL_COMMANDS, ...WGET_COMMANDS, ...PING_COMMANDS, ...WEB_SERVER_COMMANDS, ...PYTHON_COMMANDS,
];
