import ImportsPage from './imports/page';
import './imports/imports.css';

/** /imports: importing needs and offers from a spreadsheet (and, beside it, exports). */
export default function Imports() {
  return <ImportsPage />;
}
