import { Route, Routes } from 'react-router';
import EventForm from './events/form';
import EventsList from './events/list';
import EventPage from './events/page';
import './events/events.css';

/** /events, /events/new, /events/:id. */
export default function Events() {
  return (
    <Routes>
      <Route index element={<EventsList />} />
      <Route path="new" element={<EventForm />} />
      <Route path=":id" element={<EventPage />} />
    </Routes>
  );
}
