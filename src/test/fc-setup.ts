/**
 * Property tests generate medium-sized inputs: fast-check's default ("small") keeps arrays near
 * ten elements whatever maxLength says, too few to reach, say, a heap slot that must move up or
 * a hash chain that needs relinking. Costs a few seconds of the unit run.
 */
import fc from 'fast-check';

fc.configureGlobal({ baseSize: 'medium' });
