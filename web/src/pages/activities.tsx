export default function Page() {
  return <h1>activities</h1>;
}
