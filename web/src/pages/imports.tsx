import ImportsPage from './imports/page';
import './imports/imports.css';

/** /spreadsheets (not /imports: that is the API's upload route): importing needs and offers from a spreadsheet (and, beside it, exports). */
export default function Imports() {
  return <ImportsPage />;
}
