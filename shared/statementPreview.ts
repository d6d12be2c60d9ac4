/**
 * The page the server sends for `/d/<id>` already shows the statement, rendered from the stored document, so it
 * is readable before the scripts run. The client takes these elements over (see client/editor/serverPreview.ts).
 */
export const StatementPreview = {
  /** Id of the server-rendered statement (a `.statement` element, not editable). */
  elementId: 'statement-preview',
  /** Id of the `<script type="application/json">` holding the document's `DocumentInfo`. */
  infoId: 'document-info',
} as const
