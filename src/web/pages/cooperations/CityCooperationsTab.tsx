export default function CityCooperationsTab({ slug }: { slug: string }) {
  return null;
}
