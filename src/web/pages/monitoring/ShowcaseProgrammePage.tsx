export default function ShowcaseProgrammePage() {
  return null;
}
