export default function CityDistrictsTab({ slug }: { slug: string }) {
  return null;
}
