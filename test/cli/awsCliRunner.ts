// Runs the real AWS CLI with nothing from the machine's AWS setup, for the CLI tests.

import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cliEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Nothing from the machine's AWS setup may leak in (profiles, endpoints, tokens).
    if (!key.startsWith('AWS_')) {
      env[key] = value;
    }
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
}

export function aws(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile('aws', [...args], { env: cliEnvironment(), timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

/**
 * Runs one command line through a POSIX sh, with the same environment as aws() plus `env`: only
 * to prove that a command quoted for a person's shell (fsx/cliCommand.ts) reaches the CLI as the
 * argv it was built from. The extension never runs a shell.
 */
export function posixShell(commandLine: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', commandLine], { env: { ...cliEnvironment(), ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

export async function awsJson(args: readonly string[]): Promise<Record<string, unknown>> {
  const result = await aws([...args, '--output', 'json']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

/** Skips the suite, saying why, when no usable `aws` is installed. */
export async function skipWithoutAwsCli(context: Mocha.Context): Promise<void> {
  try {
    const version = await aws(['--version']);
    if (version.code !== 0) {
      throw new Error(version.stderr);
    }
  } catch (error) {
    console.log(`      (skipped: the AWS CLI is not usable here: ${(error as Error).message})`);
    context.skip();
  }
}
