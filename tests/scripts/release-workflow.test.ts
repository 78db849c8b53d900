// The release workflow's own guards, run as the runner runs them: a wrong tag must stop the release
// before an hour of builds publishes packages under another version.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

interface Step {
  name?: string;
  if?: string;
  run?: string;
}

const root = join(__dirname, '..', '..');
const workflow = parseYaml(readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8'));
const steps: Step[] = workflow.jobs.build.steps;
const TAG_STEP = "The tag is package.json's version";

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** Runs the step's script the way GitHub's `shell: bash` does, in a checkout whose package.json has `version`. */
function runTagStep(tag: string, version: string) {
  work = mkdtempSync(join(tmpdir(), 'standalone-release-tag-'));
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'standalone', version }));
  const step = steps.find((candidate) => candidate.name === TAG_STEP);
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step?.run ?? 'exit 99'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_REF_NAME: tag },
  });
}

describe('release workflow', () => {
  it('checks the tag against package.json on tags, before anything is built', () => {
    const names = steps.map((step) => step.name);
    const index = names.indexOf(TAG_STEP);
    expect(index).toBeGreaterThan(-1);
    expect(index).toBeLessThan(names.indexOf('Install'));
    expect(steps[index]?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
  });

  // Windows runners run the step in Git Bash; a bare `bash` here may be WSL's launcher instead.
  it.skipIf(process.platform === 'win32')(
    "stops a tag that is not package.json's version, saying what to run",
    () => {
      expect(runTagStep('v1.2.3', '1.2.3').status).toBe(0);
      const wrong = runTagStep('v1.3.0', '1.2.3');
      expect(wrong.status).toBe(1);
      expect(wrong.stdout).toContain('v1.3.0');
      expect(wrong.stdout).toContain('1.2.3');
      expect(wrong.stdout).toContain('npm version 1.3.0');
    },
  );
});
