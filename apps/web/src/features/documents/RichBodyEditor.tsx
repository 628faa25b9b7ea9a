import '@mantine/tiptap/styles.css';
import { Link, RichTextEditor, type RichTextEditorLabels } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useTranslation } from 'react-i18next';

type Props = {
  value: string;
  onChange: (html: string) => void;
  /** Accessible name of the editing area. */
  label: string;
  labelledBy?: string;
  describedBy?: string;
  invalid?: boolean;
};

// Loaded on demand (Tiptap and ProseMirror are most of its weight): the inbox and the document page never pay
// for it. Only what the server's sanitiser keeps is offered: no code, no rules, headings 2–3.
export function RichBodyEditor({ value, onChange, label, labelledBy, describedBy, invalid }: Props) {
  const { t } = useTranslation();
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        code: false,
        codeBlock: false,
        horizontalRule: false,
        link: false,
        heading: { levels: [2, 3] },
      }),
      Link.configure({ openOnClick: false, autolink: true }),
    ],
    content: value,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        ...(labelledBy ? { 'aria-labelledby': labelledBy } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        class: 'doc-body',
        'data-testid': 'body-editor',
      },
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  const labels: Partial<RichTextEditorLabels> = {
    boldControlLabel: t('editor.rte.bold'),
    italicControlLabel: t('editor.rte.italic'),
    underlineControlLabel: t('editor.rte.underline'),
    strikeControlLabel: t('editor.rte.strike'),
    h2ControlLabel: t('editor.rte.heading'),
    h3ControlLabel: t('editor.rte.subheading'),
    bulletListControlLabel: t('editor.rte.bullets'),
    orderedListControlLabel: t('editor.rte.numbers'),
    blockquoteControlLabel: t('editor.rte.quote'),
    linkControlLabel: t('editor.rte.link'),
    unlinkControlLabel: t('editor.rte.unlink'),
    undoControlLabel: t('editor.rte.undo'),
    redoControlLabel: t('editor.rte.redo'),
    linkEditorInputLabel: t('editor.rte.linkUrl'),
    linkEditorInputPlaceholder: 'https://',
    linkEditorSave: t('editor.rte.linkSave'),
    linkEditorExternalLink: t('editor.rte.linkExternal'),
    linkEditorInternalLink: t('editor.rte.linkInternal'),
  };

  return (
    <RichTextEditor
      editor={editor}
      labels={labels}
      style={invalid ? { borderColor: 'var(--mantine-color-error)' } : undefined}
    >
      <RichTextEditor.Toolbar sticky stickyOffset={60}>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Bold />
          <RichTextEditor.Italic />
          <RichTextEditor.Underline />
          <RichTextEditor.Strikethrough />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.H2 />
          <RichTextEditor.H3 />
          <RichTextEditor.BulletList />
          <RichTextEditor.OrderedList />
          <RichTextEditor.Blockquote />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Link />
          <RichTextEditor.Unlink />
        </RichTextEditor.ControlsGroup>
        <RichTextEditor.ControlsGroup>
          <RichTextEditor.Undo />
          <RichTextEditor.Redo />
        </RichTextEditor.ControlsGroup>
      </RichTextEditor.Toolbar>
      <RichTextEditor.Content mih={280} />
    </RichTextEditor>
  );
}
