/** English labels. zh.ts must have the same keys (checked by the type below). */
export const en = {
  app: { name: "citybridge", tagline: "City profiles and indicators for city-to-city climate cooperation", skip: "Skip to content" },
  nav: { map: "Map", cities: "Cities", more: "More", import: "Import & export data", mainMenu: "Main menu" },
  search: { placeholder: "Search cities (English or 中文)", label: "Search cities", noMatch: "No city found", searching: "Searching…" },
  lang: { label: "Language", en: "English", zh: "中文" },
  common: {
    loading: "Loading…", retry: "Retry", error: "Something went wrong", errorDetail: "The server could not answer: {{message}}",
    notYetReported: "Not yet reported", source: "Source", sources: "Sources", licence: "Licence", unit: "Unit",
    period: "Period", value: "Value", city: "City", indicator: "Indicator", note: "Note", none: "—",
    table: "Table", chart: "Chart", showTable: "Show table", showChart: "Show chart", link: "link", backHome: "Back to the map",
    empty: "Nothing here yet", notFound: "Page not found", notFoundDetail: "There is no page at this address.",
  },
  themes: { context: "Context", ghg: "Greenhouse gases", energy: "Energy", air: "Air quality", transport: "Transport", congestion: "Congestion", green: "Green space", logistics: "Logistics", innovation: "Innovation", "culture and tourism": "Culture and tourism", "vocational education": "Vocational education", urbanisation: "Urbanisation", "ecological environment": "Ecological environment", mobility: "Mobility", "smart city": "Smart city" },
  map: {
    title: "World map of cities", indicator: "Indicator", pickIndicator: "Choose an indicator",
    ariaLabel: "World map: cities coloured by {{indicator}} ({{unit}})", summary: "{{indicator}} — {{count}} cities reported, {{missing}} not yet reported (grey). Click a city to open its page.",
    sourcesTitle: "Sources of the data shown", noData: "No city has reported this indicator yet.",
    asTable: "Show the values as a table", top: "Cities reporting {{indicator}}",
    hiddenClasses: "Hidden on the map (click them in the legend to show them again): {{classes}}",
    legendCaption: "Colours: {{indicator}} ({{unit}}), each city's latest value, {{years}}. Source: <o>{{sources}}</o>",
  },
  cities: {
    title: "Cities", q: "Name (English or 中文)", country: "Country", minPopulation: "Minimum population", anyCountry: "Any country",
    apply: "Search", reset: "Reset", loadMore: "Load more", compare: "Compare", compareHint: "Pick 2–4 cities to compare",
    selected: "{{count}} selected", shown: "{{count}} cities shown", name: "Name", nameZh: "Chinese name", population: "Population",
    region: "Region", importLink: "Import observations", tooMany: "Pick at most 4 cities", empty: "No city matches these filters.",
  },
  city: {
    overview: "Overview", indicators: "Indicators", notFound: "City not found", notFoundDetail: "There is no city “{{slug}}”.",
    keyFacts: "Key facts", nameEn: "Name (English)", nameZh: "Name (Chinese)", nameLocal: "Local name", country: "Country",
    region: "Region", admin1: "Province / state", coordinates: "Coordinates", population: "Population",
    populationYear: "{{value}} ({{year}})", populationSource: "Source: {{source}}",
    geonamesNote: "GeoNames population is the urban core, not the municipality.", area: "Area", areaValue: "{{value}} km²",
    timezone: "Time zone", location: "Location", mapAria: "Map showing the location of {{city}}",
    noIndicators: "No indicator has been reported for this city yet.", notReportedList: "Not yet reported for this city",
    chartAria: "{{indicator}} for {{city}} by period, in {{unit}}", compareWith: "Compare with other cities",
    seriesSource: "Source of this series", reference: "Reference", importedBy: "Imported by",
  },
  compare: {
    title: "Compare cities", add: "Add a city", addPlaceholder: "Type a city name", remove: "Remove {{city}}",
    needTwo: "Pick at least two cities to compare.", tooMany: "At most 4 cities can be compared.",
    facts: "Key facts", chartAria: "{{indicator}} for {{cities}} by period, in {{unit}}", noIndicators: "None of these cities has reported an indicator yet.",
    unknown: "Unknown city: {{slug}}",
  },
  import: {
    title: "Import and export observations", uploadTitle: "Import a CSV of observations",
    help: "One observation per row. Columns: city (slug, e.g. chongqing-cn), indicator (code, e.g. ghg.co2_total), period (a year like 2019 or a date like 2019-06-30), value (a number with “.” as decimal separator), source (a source id), and optionally note. The first row holds the column names.",
    example: "Example", template: "Download a template CSV", drop: "Click or drag a CSV file here", dropHint: "UTF-8, comma-separated, at most one file at a time.",
    uploading: "Uploading…", success: "Import finished: {{rows}} rows read", inserted: "Inserted", updated: "Updated", unchanged: "Unchanged", rows: "Rows",
    failed: "The file was rejected: nothing was written", failedDetail: "Fix the problems below and upload the whole file again.",
    problemsShown: "Problems: the first {{shown}} of {{total}}", problems: "Problems", row: "Row", column: "Column", value: "Value", reason: "Reason",
    exportTitle: "Export observations", exportHelp: "Pick a city and/or an indicator (leave empty for all) and a format.",
    format: "Format", download: "Download", allCities: "All cities", allIndicators: "All indicators", file: "File: {{name}}",
  },
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
