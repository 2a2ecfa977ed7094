import type { Migration, MigrationProvider } from 'kysely';
import type { MigrationContext } from './migrationContext.js';
import { initial } from './001_initial.js';
import { settings } from './002_settings.js';
import { queue } from './003_queue.js';
import { codings } from './004_codings.js';
import { staffSecurity } from './005_staff_security.js';
import { staffPasskeys } from './006_staff_passkeys.js';
import { sealedVisitorDetails } from './007_sealed_visitor_details.js';
import { passwordChange } from './008_password_change.js';
import { serviceLogo } from './009_service_logo.js';
import { installationSecrets } from './010_installation_secrets.js';
import { visitorAway } from './011_visitor_away.js';
import { queueVersions } from './012_queue_versions.js';
import { codingGenerations } from './012a_coding_generations.js';
import { staffLanguages } from './020_staff_languages.js';
import { counsellorStatusChanges } from './013_counsellor_status_changes.js';
import { snippets } from './014_snippets.js';
import { directory } from './015_directory.js';
import { handovers } from './016_handovers.js';
import { caseSummaries } from './017_case_summaries.js';
import { referralTokens } from './022_referral_tokens.js';
import { visibilityCounts } from './023_visibility_counts.js';
import { mailbox } from './024_mailbox.js';

// Migrations are listed in code (not read from a folder) so the compiled server and the
// tests apply exactly the same set on both dialects. Names sort in the order they apply.
export function migrationProvider(ctx: MigrationContext): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '001_initial': initial(ctx),
        '002_settings': settings,
        '003_queue': queue(ctx),
        '004_codings': codings(ctx),
        '005_staff_security': staffSecurity(ctx),
        '006_staff_passkeys': staffPasskeys,
        '007_sealed_visitor_details': sealedVisitorDetails,
        '008_password_change': passwordChange,
        '009_service_logo': serviceLogo,
        '010_installation_secrets': installationSecrets,
        '011_visitor_away': visitorAway,
        '012_queue_versions': queueVersions,
        '012a_coding_generations': codingGenerations,
        '020_staff_languages': staffLanguages,
        '013_counsellor_status_changes': counsellorStatusChanges,
        '014_snippets': snippets,
        '015_directory': directory,
        '016_handovers': handovers,
        '017_case_summaries': caseSummaries,
        '022_referral_tokens': referralTokens,
        '023_visibility_counts': visibilityCounts,
        '024_mailbox': mailbox,
      };
    },
  };
}
