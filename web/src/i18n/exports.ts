import { area } from './area';

/** The export buttons of the lists and the overview's annual report. */
export const exportsWords = area({
  es: {
    label: 'Descargar esta lista',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    csvLabel: 'Descargar esta lista en CSV',
    xlsxLabel: 'Descargar esta lista en Excel (XLSX)',
    coverageLabel: 'Descargar la cobertura',
    annualTitle: 'Informe anual',
    annualIntro:
      'Las tablas del informe anual (cifras, cobertura, hermanamientos y actividades con participantes por género), listas para imprimir.',
    year: 'Año',
    annualDownload: 'Descargar el informe anual (Excel)',
    everyWorkingGroup: 'La descarga incluye las actividades de todos los grupos de trabajo.',
  },
  en: {
    label: 'Download this list',
    csv: 'CSV',
    xlsx: 'Excel (XLSX)',
    csvLabel: 'Download this list as CSV',
    xlsxLabel: 'Download this list as Excel (XLSX)',
    coverageLabel: 'Download the coverage',
    annualTitle: 'Annual report',
    annualIntro:
      "The annual report's tables (figures, coverage, twinnings and activities with participants by gender), ready to print.",
    year: 'Year',
    annualDownload: 'Download the annual report (Excel)',
    everyWorkingGroup: 'The download includes the activities of every working group.',
  },
});
