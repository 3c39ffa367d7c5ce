/**
 * The app's building blocks on Gemeente Utrecht's design system (issue 15), in one import for the
 * pages: `import { Button, SelectField, … } from '../components/ui.tsx'`. Each is a thin Preact
 * component that renders the NL Design System / Utrecht CSS classes (web/src/utrecht.css); what
 * each takes is documented where it is defined and in docs/web-app.md.
 */

export { checkDateTime, type DateTimeValue, EMPTY_DATE_TIME } from '../dutch-time.ts';
export { Button, ButtonGroup, LinkButton } from './button.tsx';
export { DataList, DataListItem } from './data-list.tsx';
export { DateTimeField } from './date-time-field.tsx';
export {
  Alert,
  type AlertType,
  Badge,
  DataBadge,
  ErrorMessage,
  Flags,
  Loading,
  type Status,
  StatusBadge,
} from './feedback.tsx';
export {
  CheckboxField,
  type ControlProps,
  ErrorSummary,
  FormField,
  type Option,
  RadioGroupField,
  Select,
  SelectField,
  Textarea,
  TextareaField,
  Textbox,
  TextboxField,
} from './form.tsx';
export { Pagination } from './pagination.tsx';
export {
  ScrollTable,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from './table.tsx';
export { Heading, Link, ListItem, Paragraph, UnorderedList } from './typography.tsx';
