import { Route, Routes } from 'react-router';
import CommitmentForm from './commitments/form';
import CommitmentsList from './commitments/list';
import CommitmentPage from './commitments/page';
import './commitments/commitments.css';

/** /commitments, /commitments/new, /commitments/:id, /commitments/:id/edit. */
export default function Commitments() {
  return (
    <Routes>
      <Route index element={<CommitmentsList />} />
      <Route path="new" element={<CommitmentForm />} />
      <Route path=":id" element={<CommitmentPage />} />
      <Route path=":id/edit" element={<CommitmentForm />} />
    </Routes>
  );
}
