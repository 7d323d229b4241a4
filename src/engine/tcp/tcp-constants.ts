/** Linux's TCP defaults that shape what the trace shows (net/ipv4/tcp.c, Documentation/networking/ip-sysctl.rst). */
export const TCP_TIMEOUT_INIT_MS = 1_000;
export const TCP_RTO_MIN_MS = 200;
export const TCP_RTO_MAX_MS = 120_000;
/** tcp_syn_retries: an unanswered SYN is sent 1 + 6 times (1, 2, 4 … 32 s apart) before connect fails. */
export const TCP_SYN_RETRIES = 6;
export const TCP_SYNACK_RETRIES = 5;
export const TCP_RETRIES2 = 15;
export const TCP_TIMEWAIT_MS = 60_000;
/** TCP_DELACK_MIN: the shortest delayed-ACK timeout (HZ/25). */
export const TCP_DELACK_MS = 40;
export const TCP_WINDOW = 64_240;
/** A Linux SYN-ACK's window with timestamps on (45 × 1448). */
export const TCP_SYNACK_WINDOW = 65_160;
/** The window field once scaling is agreed: 64256 bytes >> 7. */
export const TCP_SCALED_WINDOW = 502;
/** Linux's default receive-window scale shift for a 128 KiB+ buffer. */
export const TCP_WSCALE = 7;
export const TCP_MSS = 1_460;
/** ip_local_port_range. */
export const EPHEMERAL_LOW = 32_768;
export const EPHEMERAL_HIGH = 60_999;
