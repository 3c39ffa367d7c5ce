import { ListItem, UnorderedList } from '../../components/ui.tsx';
import { FLAG_EXPLANATIONS, FLAG_LABELS } from '../../labels.ts';

/** The signal's flags in words: each with what it means for the team (the badges are in the header). */
export function FlagList({ flags }: { flags: readonly string[] }) {
  if (flags.length === 0) return <>Geen</>;
  return (
    <UnorderedList>
      {flags.map((flag) => (
        <ListItem key={flag}>
          <strong>{FLAG_LABELS[flag] ?? flag}</strong>: {FLAG_EXPLANATIONS[flag] ?? ''}
        </ListItem>
      ))}
    </UnorderedList>
  );
}
