import 'server-only';

import { type AttributeDef, type AttributeType, convertValues, isAttributeType, normalizeChoices, parseAttributeValue, readChoices } from '@/lib/cases/attributes';
import { attributeTableCsv, IMPORT_LIMITS, type ImportPlan, planAttributeImport } from '@/lib/cases/attribute-csv';
import { decodeCsv } from '@/lib/datasets/import/encoding';
import { AppError } from '@/lib/errors/app-error';

import { requireProjectPermission } from '../../authz';
import { db } from '../../db/client';
import { LONG_TRANSACTION } from '../hierarchy/labels';
import { isUniqueViolation } from '../prisma-errors';

type Ids = { userId: string; projectId: string };

/** An attribute as the table shows it. */
export interface CaseAttributeItem {
  id: string;
  name: string;
  type: AttributeType;
  choices: string[];
}

/** The attribute table: attributes in order, cases by name with their values by attribute id. */
export interface AttributeTable {
  attributes: CaseAttributeItem[];
  cases: Array<{ id: string; name: string; values: Record<string, string> }>;
}

const asItem = (a: { id: string; name: string; type: string; choices: string }): CaseAttributeItem => ({ id: a.id, name: a.name, type: isAttributeType(a.type) ? a.type : 'text', choices: readChoices(a.choices) });

async function attributesOf(projectId: string): Promise<CaseAttributeItem[]> {
  const rows = await db.caseAttribute.findMany({ where: { projectId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { id: true, name: true, type: true, choices: true } });
  return rows.map(asItem);
}

/** The attribute table (members). @throws AppError NOT_FOUND */
export async function loadAttributeTable(options: Ids): Promise<AttributeTable> {
  await requireProjectPermission({ ...options, permission: 'project:read' });
  const [attributes, cases] = await Promise.all([
    attributesOf(options.projectId),
    db.case.findMany({ where: { projectId: options.projectId }, orderBy: { name: 'asc' }, select: { id: true, name: true, values: { select: { attributeId: true, value: true } } } }),
  ]);
  return { attributes, cases: cases.map((c) => ({ id: c.id, name: c.name, values: Object.fromEntries(c.values.map((v) => [v.attributeId, v.value])) })) };
}

const nameTaken = (name: string) => new AppError('CONFLICT', { userMessage: `An attribute named “${name}” already exists.`, fieldErrors: { name: ['Already exists.'] } });

function cleanChoices(type: AttributeType, choices: readonly string[] | undefined): string[] {
  if (type !== 'choice') return [];
  try {
    const list = normalizeChoices(choices ?? []);
    if (list.length === 0) throw new AppError('INVALID_INPUT', { userMessage: 'Give a choice attribute at least one choice.', fieldErrors: { choices: ['At least one.'] } });
    return list;
  } catch (error) {
    if (error instanceof RangeError) throw new AppError('INVALID_INPUT', { userMessage: `Choices: ${error.message}.`, fieldErrors: { choices: [error.message] } });
    throw error;
  }
}

/** Adds an attribute at the end (owners and coders). @throws AppError FORBIDDEN | CONFLICT | INVALID_INPUT */
export async function createAttribute(options: Ids & { name: string; type: AttributeType; choices?: string[] }): Promise<CaseAttributeItem> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  const choices = cleanChoices(options.type, options.choices);
  const last = await db.caseAttribute.findFirst({ where: { projectId: options.projectId }, orderBy: { position: 'desc' }, select: { position: true } });
  try {
    const created = await db.caseAttribute.create({
      data: { projectId: options.projectId, name: options.name, type: options.type, choices: JSON.stringify(choices), position: (last?.position ?? -1) + 1 },
      select: { id: true, name: true, type: true, choices: true },
    });
    return asItem(created);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(options.name);
    throw error;
  }
}

/**
 * Renames an attribute, or changes its type or choices (owners and coders). Stored values are
 * converted to the new type; when one does not fit, nothing changes and the message names the
 * case and the value.
 * @throws AppError NOT_FOUND | FORBIDDEN | CONFLICT | INVALID_INPUT
 */
export async function updateAttribute(options: Ids & { attributeId: string; name?: string; type?: AttributeType; choices?: string[] }): Promise<CaseAttributeItem> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  return db.$transaction(async (tx) => {
    const found = await tx.caseAttribute.findFirst({ where: { id: options.attributeId, projectId: options.projectId }, select: { id: true, name: true, type: true, choices: true } });
    if (!found) throw new AppError('NOT_FOUND', { userMessage: 'Attribute not found.' });
    const current = asItem(found);
    const type = options.type ?? current.type;
    const choices = options.type !== undefined || options.choices !== undefined ? cleanChoices(type, options.choices ?? current.choices) : current.choices;
    if (type !== current.type || JSON.stringify(choices) !== JSON.stringify(current.choices)) {
      const values = await tx.caseAttributeValue.findMany({ where: { attributeId: current.id }, select: { id: true, value: true, case: { select: { name: true } } } });
      const converted = convertValues({ name: current.name, type, choices }, values.map((v) => v.value));
      const bad = converted.findIndex((c) => !c.ok);
      if (bad >= 0) {
        const r = converted[bad] as { ok: false; error: string };
        throw new AppError('INVALID_INPUT', { userMessage: `Case “${values[bad].case.name}”: ${r.error} Change or clear that value first.` });
      }
      for (let i = 0; i < values.length; i++) {
        const value = (converted[i] as { ok: true; value: string }).value;
        if (value === '') await tx.caseAttributeValue.delete({ where: { id: values[i].id } });
        else if (value !== values[i].value) await tx.caseAttributeValue.update({ where: { id: values[i].id }, data: { value } });
      }
    }
    try {
      const updated = await tx.caseAttribute.update({ where: { id: current.id }, data: { name: options.name ?? current.name, type, choices: JSON.stringify(choices) }, select: { id: true, name: true, type: true, choices: true } });
      return asItem(updated);
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(options.name ?? current.name);
      throw error;
    }
  });
}

/** Deletes an attribute and its values (owners and coders). @throws AppError NOT_FOUND | FORBIDDEN */
export async function deleteAttribute(options: Ids & { attributeId: string }): Promise<void> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  const { count } = await db.caseAttribute.deleteMany({ where: { id: options.attributeId, projectId: options.projectId } });
  if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Attribute not found.' });
}

/**
 * Sets one case's value of one attribute, parsed into its canonical form ('' clears it). Owners
 * and coders.
 * @returns the stored canonical value.
 * @throws AppError NOT_FOUND | FORBIDDEN | INVALID_INPUT (the value does not fit the type)
 */
export async function setAttributeValue(options: Ids & { caseId: string; attributeId: string; value: string }): Promise<{ value: string }> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  const [found, kase] = await Promise.all([
    db.caseAttribute.findFirst({ where: { id: options.attributeId, projectId: options.projectId }, select: { id: true, name: true, type: true, choices: true } }),
    db.case.findFirst({ where: { id: options.caseId, projectId: options.projectId }, select: { id: true } }),
  ]);
  if (!found || !kase) throw new AppError('NOT_FOUND', { userMessage: found ? 'Case not found.' : 'Attribute not found.' });
  const attribute = asItem(found);
  const parsed = parseAttributeValue(attribute, options.value);
  if (!parsed.ok) throw new AppError('INVALID_INPUT', { userMessage: `${attribute.name}: ${parsed.error}`, fieldErrors: { value: [parsed.error] } });
  const where = { caseId_attributeId: { caseId: kase.id, attributeId: attribute.id } };
  if (parsed.value === '') await db.caseAttributeValue.deleteMany({ where: { caseId: kase.id, attributeId: attribute.id } });
  else await db.caseAttributeValue.upsert({ where, create: { caseId: kase.id, attributeId: attribute.id, value: parsed.value }, update: { value: parsed.value } });
  return { value: parsed.value };
}

/** A decoded import file and what importing it would do. */
export interface ImportPreview {
  text: string;
  encoding: string;
  warnings: string[];
  plan: ImportPlan;
}

/**
 * Decodes an attribute CSV (the encoding detection of dataset imports: BOM, UTF-8, GB18030,
 * Windows-1252…) and plans the import without storing anything (owners and coders).
 * @throws AppError FORBIDDEN | INVALID_INPUT (not text)
 */
export async function previewAttributeImport(options: Ids & { bytes: Uint8Array; types?: Record<string, AttributeType> }): Promise<ImportPreview> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  let decoded;
  try {
    decoded = decodeCsv(options.bytes);
  } catch (error) {
    throw new AppError('INVALID_INPUT', { userMessage: error instanceof Error ? error.message : 'The file could not be read as text.' });
  }
  const plan = await planFor(options.projectId, decoded.text, options.types);
  return { text: decoded.text, encoding: decoded.encoding, warnings: decoded.warnings, plan };
}

async function planFor(projectId: string, text: string, types?: Record<string, AttributeType>, client: Pick<typeof db, 'caseAttribute' | 'case'> = db): Promise<ImportPlan> {
  const [attributes, cases] = await Promise.all([
    client.caseAttribute.findMany({ where: { projectId }, select: { id: true, name: true, type: true, choices: true } }),
    client.case.findMany({ where: { projectId }, select: { name: true } }),
  ]);
  return planAttributeImport({ text, attributes: attributes.map(asItem) as AttributeDef[], caseNames: cases.map((c) => c.name), types });
}

/**
 * Imports an attribute table (text from {@link previewAttributeImport}) in one transaction:
 * new attributes created with their types, unknown cases created, values set (an empty cell
 * clears). Any bad value refuses the whole file — nothing is stored — with the row named.
 * @throws AppError FORBIDDEN | INVALID_INPUT (the first problem; all of them in fieldErrors._)
 */
export async function importAttributeTable(options: Ids & { text: string; types?: Record<string, AttributeType> }): Promise<{ createdCases: number; createdAttributes: number; values: number }> {
  await requireProjectPermission({ ...options, permission: 'sources:write' });
  if (options.text.length > IMPORT_LIMITS.bytes) throw new AppError('TOO_LARGE', { userMessage: 'The attribute table is larger than 5 MB.' });
  return db.$transaction(async (tx) => {
    const plan = await planFor(options.projectId, options.text, options.types, tx);
    if (plan.errors.length > 0) {
      const more = plan.errors.length > 1 ? ` (${plan.errors.length - 1} more problem${plan.errors.length > 2 ? 's' : ''})` : '';
      throw new AppError('INVALID_INPUT', { userMessage: `${plan.errors[0].message}${more} Nothing was imported.`, fieldErrors: { _: plan.errors.slice(0, 50).map((e) => e.message) } });
    }
    const attributeIds = new Map((await tx.caseAttribute.findMany({ where: { projectId: options.projectId }, select: { id: true, name: true } })).map((a) => [a.name, a.id]));
    let position = ((await tx.caseAttribute.findFirst({ where: { projectId: options.projectId }, orderBy: { position: 'desc' }, select: { position: true } }))?.position ?? -1) + 1;
    let createdAttributes = 0;
    for (const column of plan.columns) {
      if (column.existing) continue;
      const created = await tx.caseAttribute.create({ data: { projectId: options.projectId, name: column.name, type: column.type, choices: JSON.stringify(column.choices), position: position++ }, select: { id: true } });
      attributeIds.set(column.name, created.id);
      createdAttributes++;
    }
    const caseIds = new Map((await tx.case.findMany({ where: { projectId: options.projectId }, select: { id: true, name: true } })).map((c) => [c.name, c.id]));
    let createdCases = 0;
    let values = 0;
    for (const row of plan.rows) {
      let caseId = caseIds.get(row.caseName);
      if (!caseId) {
        caseId = (await tx.case.create({ data: { projectId: options.projectId, name: row.caseName }, select: { id: true } })).id;
        caseIds.set(row.caseName, caseId);
        createdCases++;
      }
      for (const column of plan.columns) {
        const attributeId = attributeIds.get(column.name)!;
        const value = row.values[column.name] ?? '';
        if (value === '') await tx.caseAttributeValue.deleteMany({ where: { caseId, attributeId } });
        else {
          await tx.caseAttributeValue.upsert({ where: { caseId_attributeId: { caseId, attributeId } }, create: { caseId, attributeId, value }, update: { value } });
          values++;
        }
      }
    }
    return { createdCases, createdAttributes, values };
  }, LONG_TRANSACTION);
}

/** The attribute table as CSV (members): the layout the import reads. */
export async function exportAttributeTableCsv(options: Ids): Promise<{ body: string; fileName: string }> {
  const table = await loadAttributeTable(options);
  const project = await db.project.findUniqueOrThrow({ where: { id: options.projectId }, select: { name: true } });
  const csv = attributeTableCsv(
    table.attributes,
    table.cases.map((c) => ({ name: c.name, values: Object.fromEntries(table.attributes.map((a) => [a.name, c.values[a.id] ?? ''])) })),
  );
  return { body: csv, fileName: `${project.name}-case-attributes.csv` };
}
