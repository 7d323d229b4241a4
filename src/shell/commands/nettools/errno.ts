/** strerror() of the errnos the live configuration functions return (one table for every tool: ../../strerror.ts). */
export { strerror as errnoText } from '../../strerror';
