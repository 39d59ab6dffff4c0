import { messageTable } from '../i18n/message';

/** What the imports module tells people, in English and Spanish. */
export const importsMessages = messageTable({
  en: {
    unknownCountry: 'No country is called "{{name}}": write its name or its two-letter code',
    unknownWorkingGroup: 'No working group is called "{{name}}": write its name or its code',
    unknownCommitment: '{{countryCode}} has no commitment {{code}} in its National Action Plan',
    unknownOrganization: 'No organization is called "{{name}}"',
    noHeader:
      'No row of the file names the columns. Add a header row such as "{{example}}" above the data.',
    notSpreadsheet: 'The file is neither a CSV file (UTF-8) nor an XLSX workbook.',
    empty: 'The file is empty.',
    tooLarge: 'The file is larger than {{megabytes}} MB. Split it and import each part.',
    mayNotImport:
      'Only the secretariat and focal points import: country focal points their needs, member focal points their offers.',
    simpleRequest:
      'Send the file with its content type (text/csv or the XLSX type) and the x-mirps-console header.',
    noSuchJob: 'No import job has the id {{id}}',
    failed:
      'The import stopped on an unexpected fault. Import the file again; rows already imported are not repeated.',
  },
  es: {
    unknownCountry: 'Ningún país se llama "{{name}}": escriba su nombre o su código de dos letras',
    unknownWorkingGroup:
      'Ningún grupo de trabajo se llama "{{name}}": escriba su nombre o su código',
    unknownCommitment:
      '{{countryCode}} no tiene el compromiso {{code}} en su Plan de Acción Nacional',
    unknownOrganization: 'Ninguna organización se llama "{{name}}"',
    noHeader:
      'Ninguna fila del archivo nombra las columnas. Agregue una fila de encabezados como "{{example}}" sobre los datos.',
    notSpreadsheet: 'El archivo no es un CSV (UTF-8) ni un libro XLSX.',
    empty: 'El archivo está vacío.',
    tooLarge: 'El archivo supera los {{megabytes}} MB. Divídalo e importe cada parte.',
    mayNotImport:
      'Solo la Secretaría Técnica y los puntos focales importan: los de un país, sus necesidades; los de un miembro, sus ofertas.',
    simpleRequest:
      'Envíe el archivo con su tipo de contenido (text/csv o el de XLSX) y el encabezado x-mirps-console.',
    noSuchJob: 'Ninguna importación tiene el id {{id}}',
    failed:
      'La importación se detuvo por una falla inesperada. Importe el archivo de nuevo; las filas ya importadas no se repiten.',
  },
});
