export default function Page() {
  return <h1>needs</h1>;
}
