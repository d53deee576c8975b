// Guesses which column of a file holds which import field from the header's words ("Employee ID",
// "E-mail", "Mobile phone", "Dept" …). Pure; a guess is only a proposal the admin confirms.

import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportKind,
  type ImportMapping,
} from '../../shared/admin/import';

/** Header words folded: lower case, letters and digits only ("E-mail" → "email"). */
export const foldHeader = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Known names per field, folded, most specific first. */
const SYNONYMS: Record<string, readonly string[]> = {
  externalKey: [
    'externalkey',
    'externalid',
    'employeeid',
    'employeenumber',
    'employeeno',
    'empid',
    'empno',
    'staffid',
    'staffnumber',
    'personnelnumber',
    'personid',
    'objectguid',
    'entryuuid',
    'groupid',
    'ciid',
    'assetid',
    'assettag',
    'key',
    'id',
  ],
  userName: [
    'username',
    'samaccountname',
    'login',
    'loginname',
    'logon',
    'logonname',
    'userid',
    'uid',
    'account',
    'accountname',
    'user',
  ],
  firstName: ['firstname', 'givenname', 'forename', 'first', 'vorname', 'prenom'],
  lastName: ['lastname', 'surname', 'familyname', 'sn', 'last', 'nachname', 'nom'],
  email: ['email', 'emailaddress', 'mail', 'workemail', 'businessemail', 'emailadresse'],
  phone: [
    'phone',
    'telephone',
    'telephonenumber',
    'phonenumber',
    'tel',
    'workphone',
    'officephone',
    'businessphone',
    'telefon',
    'extension',
  ],
  mobile: [
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cell',
    'cellphone',
    'cellular',
    'handy',
    'mobil',
  ],
  department: ['department', 'dept', 'division', 'ou', 'organizationalunit', 'abteilung', 'team'],
  location: ['location', 'office', 'site', 'physicaldeliveryofficename', 'building', 'city', 'l'],
  vip: ['vip', 'isvip', 'important'],
  // The number on the card people scan at the walk-up kiosk.
  badgeNumber: [
    'badgenumber',
    'badge',
    'badgeid',
    'badgeno',
    'badgenr',
    'cardnumber',
    'accesscard',
    'cardid',
    'badgecard',
  ],
  active: ['active', 'enabled', 'isactive', 'status', 'accountstatus'],
  name: ['name', 'groupname', 'ciname', 'displayname', 'hostname', 'title', 'cn'],
  description: ['description', 'desc', 'details', 'notes'],
  members: ['members', 'member', 'users', 'groupmembers', 'memberlist'],
  className: ['classname', 'class', 'citype', 'type', 'category', 'kind'],
  parentKey: ['parentkey', 'parentexternalkey', 'parentid', 'parent', 'parentci', 'parentname'],
};

/**
 * field → the column that most likely holds it, or null. A column goes to one field at most;
 * exact synonyms win over a header merely containing one ("Work phone number" → phone).
 */
export function guessMapping(kind: ImportKind, columns: readonly string[]): ImportMapping {
  const folded = columns.map(foldHeader);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  const fields: readonly string[] = IMPORT_FIELDS[kind];
  const pick = (field: string, match: (header: string, synonym: string) => boolean): void => {
    if (mapping[field] != null) return;
    for (const synonym of SYNONYMS[field] ?? []) {
      const at = folded.findIndex((h, i) => !used.has(i) && match(h, synonym));
      if (at !== -1) {
        used.add(at);
        mapping[field] = columns[at] ?? null;
        return;
      }
    }
  };
  for (const field of fields) mapping[field] = null;
  for (const field of fields) pick(field, (h, s) => h === s);
  // Containment only for longer synonyms: "id" or "l" inside another word means nothing.
  for (const field of fields) pick(field, (h, s) => s.length >= 4 && h.includes(s));
  return mapping;
}

/** Required fields the mapping leaves out, and columns it names that the file does not have. */
export function mappingProblems(
  kind: ImportKind,
  mapping: ImportMapping,
  columns: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS[kind])
    if (mapping[field] == null)
      problems.push(`No column is chosen for ${field}, which is required.`);
  const known = new Set<string>(IMPORT_FIELDS[kind]);
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field)) problems.push(`${field} is not a field of ${kind}.`);
    else if (column !== null && !columns.includes(column))
      problems.push(`The file has no column "${column}" (chosen for ${field}).`);
  }
  return problems;
}
