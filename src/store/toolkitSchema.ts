// Tables of the counsellor's toolkit: snippets (014) and the referral directory (015).
// Nothing here is about a visitor, so nothing is sealed.
export interface SnippetTable {
  id: string;
  language: string;
  topic: string;
  title: string;
  body: string;
  use_count: number;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}

export interface DirectoryEntryTable {
  id: string;
  /** Also inside `content`; a column of its own to keep the list in order. */
  name: string;
  /** JSON: the entry's DirectoryContent (what, for whom, contact, hours, referral codes, check mark). */
  content: string;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}
