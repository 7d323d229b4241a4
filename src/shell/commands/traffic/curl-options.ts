/**
 * curl 7.88's command line, as src/tool_getparam.c reads it: single letters may be grouped
 * (-sS) and one taking a value takes the rest of its word or the next word (-m5, -m 5); a long
 * option may be any unambiguous prefix (--sil); --no-NAME turns a boolean off; "--" ends the
 * options; every other word is a URL. An unknown or ambiguous option, or a missing or bad
 * value, is curl's own message (exit 2). Real curl options lvs-flow does not simulate are named
 * in an lvs-flow message rather than silently ignored.
 */

export interface CurlOptions {
  silent: boolean;
  showError: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  progressMeter: boolean;
  /** -o FILE for each URL in turn (the first -o goes with the first URL, and so on). */
  outputs: string[];
  maxTimeMs: number | undefined;
  connectTimeoutMs: number | undefined;
  verbose: boolean;
  /** -w: the format written after each transfer. */
  writeOut: string | undefined;
  /** -H: extra request headers, in order, as typed. */
  headers: string[];
  /** -A: the User-Agent ('' leaves the header out). */
  userAgent: string | undefined;
  /** -O: save under the URL's file name. */
  remoteName: boolean;
  urls: string[];
}

export type CurlArgs = { ok: true; options: CurlOptions } | { ok: false; message: string; status: number };

/** Every long option of curl 7.88 (src/tool_getparam.c, aliases[]), "=" marking those that take a value. */
const LONG_OPTIONS = (''
  + 'url= dns-ipv4-addr= dns-ipv6-addr= random-file= egd-file= oauth2-bearer= connect-timeout= ciphers= '
  + 'dns-interface= disable-epsv disallow-username-in-url epsv dns-servers= trace= npn trace-ascii= alpn '
  + 'limit-rate= rate= compressed tr-encoding digest negotiate ntlm ntlm-wb basic anyauth wdebug '
  + 'ftp-create-dirs create-dirs create-file-mode= max-redirs= proxy-ntlm crlf stderr= aws-sigv4= interface= '
  + 'krb= krb4= haproxy-protocol max-filesize= disable-eprt eprt xattr ftp-ssl ssl ftp-pasv socks5= '
  + 'tcp-nodelay proxy-digest proxy-basic retry= retry-connrefused retry-delay= retry-max-time= '
  + 'proxy-negotiate form-escape ftp-account= proxy-anyauth trace-time ignore-content-length ftp-skip-pasv-ip '
  + 'ftp-method= local-port= socks4= socks4a= ftp-alternative-to-user= ftp-ssl-reqd ssl-reqd sessionid '
  + 'ftp-ssl-control ftp-ssl-ccc ftp-ssl-ccc-mode= libcurl= raw post301 keepalive socks5-hostname= '
  + 'keepalive-time= post302 noproxy= socks5-gssapi-nec proxy1.0= tftp-blksize= mail-from= mail-rcpt= '
  + 'ftp-pret proto= proto-redir= resolve= delegation= mail-auth= post303 metalink sasl-authzid= test-event '
  + 'unix-socket= path-as-is socks5-gssapi-service= proxy-service-name= service-name= proto-default= '
  + 'expect100-timeout= tftp-no-options connect-to= abstract-unix-socket= tls-max= suppress-connect-headers '
  + 'compressed-ssh happy-eyeballs-timeout-ms= retry-all-errors http1.0 http1.1 http2 http2-prior-knowledge '
  + 'http3 http3-only http0.9 tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tls13-ciphers= proxy-tls13-ciphers= sslv2 '
  + 'sslv3 ipv4 ipv6 append user-agent= cookie= alt-svc= hsts= use-ascii cookie-jar= continue-at= data= '
  + 'data-raw= data-ascii= data-binary= data-urlencode= json= url-query= dump-header= referer= cert= cacert= '
  + 'cert-type= key= key-type= pass= engine= capath= pubkey= hostpubmd5= hostpubsha256= crlfile= tlsuser= '
  + 'tlspassword= tlsauthtype= ssl-allow-beast ssl-auto-client-cert proxy-ssl-auto-client-cert pinnedpubkey= '
  + 'proxy-pinnedpubkey= cert-status doh-cert-status false-start ssl-no-revoke ssl-revoke-best-effort '
  + 'tcp-fastopen proxy-tlsuser= proxy-tlspassword= proxy-tlsauthtype= proxy-cert= proxy-cert-type= '
  + 'proxy-key= proxy-key-type= proxy-pass= proxy-ciphers= proxy-crlfile= proxy-ssl-allow-beast '
  + 'login-options= proxy-cacert= proxy-capath= proxy-insecure proxy-tlsv1 socks5-basic socks5-gssapi '
  + 'etag-save= etag-compare= curves= fail fail-early styled-output mail-rcpt-allowfails fail-with-body '
  + 'remove-on-error form= form-string= globoff get request-target= help header= proxy-header= include head '
  + 'junk-session-cookies remote-header-name insecure doh-insecure config= list-only location '
  + 'location-trusted max-time= manual netrc netrc-optional netrc-file= buffer output= remote-name '
  + 'remote-name-all output-dir= clobber proxytunnel ftp-port= disable quote= range= remote-time silent '
  + 'show-error telnet-option= upload-file= user= proxy-user= verbose version write-out= proxy= preproxy= '
  + 'request= speed-limit= speed-time= time-cond= parallel parallel-max= parallel-immediate progress-bar '
  + 'progress-meter next '
).trim().split(' ');

/** The single letters (aliases[] entries of one character) and the long option each stands for. */
const LETTERS: Readonly<Record<string, string>> = {
  0: 'http1.0', 1: 'tlsv1', 2: 'sslv2', 3: 'sslv3', 4: 'ipv4', 6: 'ipv6', a: 'append', A: 'user-agent', b: 'cookie', B: 'use-ascii',
  c: 'cookie-jar', C: 'continue-at', d: 'data', D: 'dump-header', e: 'referer', E: 'cert', f: 'fail', F: 'form', g: 'globoff',
  G: 'get', h: 'help', H: 'header', i: 'include', I: 'head', j: 'junk-session-cookies', J: 'remote-header-name', k: 'insecure',
  K: 'config', l: 'list-only', L: 'location', m: 'max-time', M: 'manual', n: 'netrc', N: 'buffer', o: 'output', O: 'remote-name',
  p: 'proxytunnel', P: 'ftp-port', q: 'disable', Q: 'quote', r: 'range', R: 'remote-time', s: 'silent', S: 'show-error',
  t: 'telnet-option', T: 'upload-file', u: 'user', U: 'proxy-user', v: 'verbose', V: 'version', w: 'write-out', x: 'proxy',
  X: 'request', Y: 'speed-limit', y: 'speed-time', z: 'time-cond', Z: 'parallel', '#': 'progress-bar', ':': 'next',
};

const TAKES_VALUE = new Set(LONG_OPTIONS.filter((o) => o.endsWith('=')).map((o) => o.slice(0, -1)));
const NAMES = LONG_OPTIONS.map((o) => o.replace(/=$/, ''));

/** Options that change nothing lvs-flow shows: accepted and ignored (there are no redirects, no compression). */
const HARMLESS = new Set(['location', 'compressed', 'globoff', 'disable', 'ipv4', 'http1.1']);

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function paramError(opt: string, reason: string): CurlArgs {
  return { ok: false, message: `curl: option ${opt}: ${reason}\n${TRY_HELP}`, status: 2 };
}

/** secs2ms: a non-negative decimal number of seconds, in whole milliseconds. */
function seconds(text: string): number | 'bad' | 'negative' {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return 'bad';
  const v = Number(text);
  if (!Number.isFinite(v)) return 'bad';
  return v < 0 ? 'negative' : Math.floor(v * 1000);
}

/** Applies one option (by long name) with its value; an error message, or undefined when it went in. */
function apply(o: CurlOptions, name: string, toggle: boolean, value: string | undefined, orig: string): CurlArgs | undefined {
  switch (name) {
    case 'silent': o.silent = toggle; return undefined;
    case 'show-error': o.showError = toggle; return undefined;
    case 'head': o.head = toggle; return undefined;
    case 'include': o.include = toggle; return undefined;
    case 'fail': o.fail = toggle; return undefined;
    case 'progress-meter': o.progressMeter = toggle; return undefined;
    case 'output': o.outputs.push(value as string); return undefined;
    case 'verbose': o.verbose = toggle; return undefined;
    case 'write-out': o.writeOut = value; return undefined;
    case 'header': o.headers.push(value as string); return undefined;
    case 'user-agent': o.userAgent = value; return undefined;
    case 'remote-name': o.remoteName = toggle; return undefined;
    case 'url': o.urls.push(value as string); return undefined;
    case 'max-time':
    case 'connect-timeout': {
      const ms = seconds(value as string);
      if (ms === 'bad') return paramError(orig, 'expected a proper numerical parameter');
      if (ms === 'negative') return paramError(orig, 'expected a positive numerical parameter');
      if (name === 'max-time') o.maxTimeMs = ms === 0 ? undefined : ms;
      else o.connectTimeoutMs = ms === 0 ? undefined : ms;
      return undefined;
    }
    default:
      if (HARMLESS.has(name)) return undefined;
      return { ok: false, message: `lvs-flow: curl: option --${name} is not simulated\n`, status: 2 };
  }
}

export function parseCurlArgs(argv: readonly string[]): CurlArgs {
  const o: CurlOptions = {
    silent: false, showError: false, head: false, include: false, fail: false, progressMeter: true,
    outputs: [], maxTimeMs: undefined, connectTimeoutMs: undefined, verbose: false, writeOut: undefined, headers: [],
    userAgent: undefined, remoteName: false, urls: [],
  };
  let flags = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (!flags || !arg.startsWith('-')) {
      o.urls.push(arg);
      continue;
    }
    if (arg === '--') {
      flags = false;
      continue;
    }
    if (arg.startsWith('--')) {
      let word = arg.slice(2);
      let toggle = true;
      if (word.startsWith('no-')) {
        word = word.slice(3);
        toggle = false;
      }
      const exact = NAMES.includes(word);
      const hits = exact ? [word] : NAMES.filter((n) => n.startsWith(word));
      if (hits.length > 1) return paramError(arg, 'is ambiguous');
      const name = hits[0];
      if (name === undefined) return paramError(arg, 'is unknown');
      const needs = TAKES_VALUE.has(name);
      if (!toggle && needs) return paramError(arg, "used '--no-' for option that isn't a boolean");
      if (needs && next === undefined) return paramError(arg, 'requires parameter');
      const bad = apply(o, name, toggle, needs ? next : undefined, arg);
      if (bad) return bad;
      if (needs) i++;
      continue;
    }
    // A group of single letters: one that takes a value ends the group.
    const letters = arg.slice(1);
    if (letters === '') return paramError(arg, 'is unknown');
    for (let k = 0; k < letters.length; k++) {
      const name = LETTERS[letters[k] as string];
      if (name === undefined) return paramError(arg, 'is unknown');
      if (TAKES_VALUE.has(name)) {
        const inline = letters.slice(k + 1);
        const value = inline !== '' ? inline : next;
        if (value === undefined) return paramError(arg, 'requires parameter');
        const bad = apply(o, name, true, value, arg);
        if (bad) return bad;
        if (inline === '') i++;
        break;
      }
      const bad = apply(o, name, true, undefined, arg);
      if (bad) return bad;
    }
  }
  return { ok: true, options: o };
}
