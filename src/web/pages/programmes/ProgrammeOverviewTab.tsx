export default function ProgrammeOverviewTab({ programmeId }: { programmeId: string }) {
  return null;
}
