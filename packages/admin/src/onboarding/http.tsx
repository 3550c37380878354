import { bytesSource, type ImportSource, type InviteLinks } from '@aldea/core';
import type { Context } from 'hono';
import type { AdminEnv } from '../env.js';
import type { UploadedFile } from '../http/form.js';
import { onboardingCss } from './assets/assets.js';
import { type OnboardingMessageKey, onboardingTranslator } from './messages/index.js';

/** The onboarding screens' translate function for this request. */
export function ot(c: Context<AdminEnv>) {
  return onboardingTranslator(c.get('locale'));
}

/** Every onboarding URL, from the admin's base path. */
export function onbLinks(c: Context<AdminEnv>) {
  const to = c.get('links').to;
  const enc = encodeURIComponent;
  return {
    trainer: () => to('/trainer'),
    village: (id: string, path = '') => to(`/trainer/v/${enc(id)}${path}`),
    cohort: (id: string, path = '') => to(`/trainer/c/${enc(id)}${path}`),
    invitation: (id: string, path = '') => to(`/trainer/invitations/${enc(id)}${path}`),
    template: (id: string, path = '') => to(`/trainer/templates/${enc(id)}${path}`),
    helpShop: (shopId: string) => to(`/trainer/shops/${enc(shopId)}/help`),
    saveTemplate: (shopId: string) => to(`/trainer/shops/${enc(shopId)}/template`),
    invite: (village: string, secret: string) => to(`/invite/${enc(village)}/${enc(secret)}`),
    inviteCode: () => to('/invite'),
    onboarding: (shopId: string, path = '') => to(`/s/${enc(shopId)}/onboarding${path}`),
    asset: () => to(`/onboarding-assets/${onboardingCss().file}`),
  };
}

/** Links in invitations: from the configured public URL, never the Host header when it is set. */
export function inviteLinks(c: Context<AdminEnv>): InviteLinks {
  const origin = c.get('deps').publicUrl ?? new URL(c.req.url).origin;
  const links = onbLinks(c);
  return { inviteUrl: (village, secret) => `${origin}${links.invite(village, secret)}` };
}

/** Where invitation links start (`…/invite`), for imports that run in the background. */
export function inviteUrlBase(c: Context<AdminEnv>): string {
  const origin = c.get('deps').publicUrl ?? new URL(c.req.url).origin;
  return `${origin}${onbLinks(c).inviteCode()}`;
}

/** True when an upload is large enough to import in the background (see `backgroundImportBytes`). */
export function runsInBackground(
  c: Context<AdminEnv>,
  files: (UploadedFile | undefined)[],
): boolean {
  const bytes = files.reduce((sum, f) => sum + (f?.size ?? 0), 0);
  return bytes > c.get('deps').backgroundImportBytes;
}

/** An uploaded file's bytes and name, for an import that runs in the background. */
export async function uploadBytes(
  file: UploadedFile,
): Promise<{ name: string; bytes: Uint8Array }> {
  return { name: file.name || 'upload.csv', bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** An uploaded file as an import source (the admin's body limit bounds its size). */
export async function uploadSource(file: UploadedFile): Promise<ImportSource> {
  return bytesSource(new Uint8Array(await file.arrayBuffer()), file.name || 'upload.csv');
}

/** A `?done=` confirmation this app may show (never free text from the URL). */
export function flashOfKey(
  c: Context<AdminEnv>,
  allowed: readonly OnboardingMessageKey[],
): string | undefined {
  const key = c.req.query('done') as OnboardingMessageKey | undefined;
  return key && allowed.includes(key) ? ot(c)(key) : undefined;
}

/** The stylesheet link these pages add (the admin layout's head has only its own). */
export function OnboardingStyles({ href }: { href: string }) {
  return <link rel="stylesheet" href={href} />;
}
