export default function CounterpartsTab({ slug }: { slug: string }) {
  return null;
}
