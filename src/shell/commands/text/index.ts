/** The text tools labs pipe into: seq, grep, head, tail, wc, sort, uniq, printf, cut, tr, tee, yes (coreutils, GNU grep, bash) awk (mawk) and sed (GNU). */
import type { CommandFn } from '../../command';
import { awk } from './awk';
import { cut } from './cut';
import { grep } from './grep';
import { head, tail } from './head-tail';
import { printf } from './printf';
import { sed } from './sed';
import { seq } from './seq';
import { sort, uniq } from './sort-uniq';
import { tee, tr } from './tr-tee';
import { wc } from './wc';
import { yes } from './yes';

export const TEXT_TOOLS: ReadonlyArray<[string, CommandFn]> = [
  ['seq', seq], ['grep', grep], ['head', head], ['tail', tail], ['wc', wc], ['sort', sort], ['uniq', uniq], ['printf', printf],
  ['cut', cut], ['tr', tr], ['tee', tee], ['yes', yes], ['awk', awk], ['mawk', awk], ['sed', sed],
];
