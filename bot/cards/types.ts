/** Adaptive Cards 1.5 elements and actions that our cards use, typed so cards are built, not hand-written. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Lighter' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  isSubtle?: boolean;
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  style?: 'default' | 'heading';
}

/** An image; alt text is required on every image we send. */
export interface Image {
  type: 'Image';
  url: string;
  altText: string;
  size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large';
}

/** A label/value list. */
export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

/** A group of elements. */
export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  spacing?: TextBlock['spacing'];
}

/** Actions shown inside the body. */
export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

/** A choice of fixed values; `label` is read by screen readers. */
export interface ChoiceSetInput {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: { title: string; value: string }[];
  style?: 'compact' | 'expanded';
  isRequired?: boolean;
  errorMessage?: string;
}

/** A one-line text answer, capped at `maxLength`. */
export interface TextInput {
  type: 'Input.Text';
  id: string;
  label: string;
  maxLength: number;
  placeholder?: string;
  isRequired?: boolean;
}

/** Any element our cards use. */
export type CardElement = TextBlock | Image | FactSet | Container | ActionSet | ChoiceSetInput | TextInput;

/** Opens a link (a tab deep link or a public page). */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** Sends a message back as if the person typed it (Teams imBack). */
export interface ImBackAction {
  type: 'Action.Submit';
  title: string;
  data: { msteams: { type: 'imBack'; value: string } };
}

/** A Universal Action: Teams sends an adaptiveCard/action invoke with this verb. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data?: Record<string, string | number | boolean | readonly string[]>;
  /** Shown on hover and read by screen readers after the title: says what a short title acts on. */
  tooltip?: string;
}

/** Any action our cards use; every action has a title. */
export type CardAction = OpenUrlAction | ImBackAction | ExecuteAction;

/** An Adaptive Card, schema 1.5. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Universal Actions refresh: these users' clients fetch their own view of the card (at most 60). */
  refresh?: { action: ExecuteAction; userIds: string[] };
  speak?: string;
  fallbackText?: string;
}
