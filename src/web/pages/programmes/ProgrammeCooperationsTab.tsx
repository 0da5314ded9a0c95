export default function ProgrammeCooperationsTab({ programmeId }: { programmeId: string }) {
  return null;
}
