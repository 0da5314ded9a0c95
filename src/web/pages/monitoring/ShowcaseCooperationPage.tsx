export default function ShowcaseCooperationPage() {
  return null;
}
