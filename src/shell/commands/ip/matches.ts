/**
 * iproute2's keyword matching (lib/utils.c `matches`): a word selects a keyword when it is a
 * prefix of it, so `ip a s` is `ip address show` and the empty word matches anything. Lists
 * are tried in the tool's own order, which is what makes `ip l s` mean `link set`.
 */
export function abbreviates(typed: string, keyword: string): boolean {
  return keyword.startsWith(typed);
}
