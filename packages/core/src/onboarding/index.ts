/** Public API of onboarding/ (re-exported by the package entry): trainers bring villages online. */
export {
  AcceptInvitationInput,
  type AcceptInvitationOptions,
  type AcceptInvitationResult,
  acceptInvitation,
} from './accept-invitation.js';
export {
  type CohortView,
  CreateCohortInput,
  createCohort,
  getCohort,
  listCohorts,
} from './cohorts.js';
export {
  type ConvertedAmountView,
  confirmConvertedAmounts,
  listOpenConversions,
} from './converted-amounts.js';
export {
  createInvitation,
  type InvitationOptions,
  type IssuedInvitation,
} from './create-invitation.js';
export { type CsvCell, csvLine, neutraliseCell, toCsv } from './csv-export.js';
export {
  type OnboardingDemoOptions,
  type OnboardingDemoResult,
  seedOnboardingDemo,
} from './demo-seed.js';
export { openShopForHelp } from './help-shop.js';
export { impactReportCsv } from './impact/impact-csv.js';
export {
  type ImpactReport,
  ImpactReportInput,
  impactReport,
  type ShopImpact,
  type ShopUplift,
} from './impact/impact-report.js';
export {
  EnqueueProductsImport,
  EnqueueSellersImport,
  enqueueImport,
  getImportJob,
  type ImportJobView,
} from './import/import-jobs.js';
export { IMPORT_PRODUCTS_JOB, IMPORT_SELLERS_JOB } from './import/import-jobs-payload.js';
export { type ImportJobOptions, importJobHandlers } from './import/import-jobs-run.js';
export {
  type ImportMode,
  type ImportProductsOptions,
  type ImportProgress,
  type ImportReport,
  importProducts,
} from './import/import-products.js';
export {
  type ImportSellersOptions,
  importSellers,
  type SellersImportReport,
} from './import/import-sellers.js';
export {
  bytesSource,
  fileSource,
  IMPORT_LIMITS,
  type ImportLimits,
  type ImportSource,
} from './import/import-source.js';
export { PHOTO_ZIP_LIMITS, type PhotoZipLimits, type PhotoZipSource } from './import/photo-zip.js';
export type { ProblemCode } from './import/problem-messages.js';
export {
  describeProblem,
  describeProblemWithPlace,
  type ImportProblem,
  problemsCsv,
} from './import/problems.js';
export { INVITATION_LIMITS, type InvitationLimits } from './invitation-limits.js';
export {
  INVITATION_MESSAGE,
  type InvitationMessage,
  invitationEmailRenderer,
  invitationSmsRenderer,
} from './invitation-message.js';
export { invitationQrSvg } from './invitation-qr.js';
export { CreateInvitationInput } from './invitation-schemas.js';
export { normalizeInvitationCode } from './invitation-secrets.js';
export type { InvitationStatus, InvitationView, InviteLinks } from './invitation-view.js';
export {
  getShopProgress,
  ListProgressInput,
  listSellerProgress,
  type SellerProgressRow,
} from './list-progress.js';
export {
  InvitationScope,
  issueInvitationsForPrint,
  listInvitations,
  revokeInvitation,
} from './manage-invitations.js';
export {
  type InvitationPreview,
  type InvitationRefusal,
  type OpenInvitationResult,
  openInvitation,
} from './open-invitation.js';
export {
  listPreOnlinePrices,
  PreOnlinePriceInput,
  type PreOnlinePriceView,
  setPreOnlinePrice,
} from './pre-online-prices.js';
export {
  ONBOARDING_STEPS,
  type OnboardingStep,
  PHOTOS_FOR_FIRST_PRODUCT,
  type ShopProgress,
  STUCK_AFTER_DAYS,
} from './progress-steps.js';
export { type AppliedTemplate, applyTemplate } from './templates/apply-template.js';
export {
  CreateShopFromTemplateInput,
  createShopFromTemplate,
} from './templates/create-shop-from-template.js';
export { listShopTemplates } from './templates/list-templates.js';
export { SaveShopTemplateInput, saveShopTemplate } from './templates/save-template.js';
export type { ShopTemplateView } from './templates/template-data.js';
export { requireVillageAccess, type VillageRef } from './village-access.js';
