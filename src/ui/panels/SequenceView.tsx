/** Placeholder until the sequence diagram lands. */
export default function SequenceView() {
  return null;
}
