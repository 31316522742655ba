import { describe, expect, it } from 'vitest';

import { DEMO_SOURCES } from '@/prisma/seed/demo-content';
import { demoSurvey } from '@/prisma/seed/demo-survey';

import { DEMO_PROJECT_DESCRIPTION } from './demo';

const WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];

describe('the demo project description', () => {
  it('says what the demo seed creates, no more', () => {
    const kinds = DEMO_SOURCES.map((s) => s.kind);
    const interviews = kinds.filter((k) => k === 'interview').length;
    expect(DEMO_PROJECT_DESCRIPTION).toContain(`${WORDS[interviews]} semi-structured interviews`);
    expect(kinds.filter((k) => k === 'fieldnote')).toHaveLength(1);
    expect(DEMO_PROJECT_DESCRIPTION).toContain('a field note');
    expect(kinds.filter((k) => k === 'literature')).toHaveLength(1);
    expect(DEMO_PROJECT_DESCRIPTION).toContain('a literature excerpt');
    expect(kinds).toHaveLength(interviews + 2);
    expect(DEMO_PROJECT_DESCRIPTION).toContain(`survey of ${demoSurvey().rowCount} sellers`);
  });
});
