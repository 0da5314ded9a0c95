export default function ProgrammesPage() {
  return null;
}
