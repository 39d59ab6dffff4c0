import { Route, Routes } from 'react-router';
import NeedForm from './needs/form';
import NeedsList from './needs/list';
import NeedPage from './needs/page';
import './needs/postings.css';

/** /needs, /needs/new, /needs/:id, /needs/:id/edit. */
export default function Needs() {
  return (
    <Routes>
      <Route index element={<NeedsList />} />
      <Route path="new" element={<NeedForm />} />
      <Route path=":id" element={<NeedPage />} />
      <Route path=":id/edit" element={<NeedForm />} />
    </Routes>
  );
}
