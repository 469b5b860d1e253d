/**
 * @strapi/design-system 1.19 declares `types` in its package.json but ships no .d.ts files.
 * These are the props this plugin uses, taken from the 1.19 sources, so strict mode checks our
 * calls. (@strapi/icons and @strapi/helper-plugin ship their own declarations.)
 */
declare module '@strapi/design-system' {
  import type {
    ComponentType,
    CSSProperties,
    ElementType,
    HTMLAttributes,
    MouseEvent,
    ReactElement,
    ReactNode,
  } from 'react';

  type Spacing = number | string | Array<number | string>;
  type Color = string;

  export interface BoxProps extends Omit<HTMLAttributes<HTMLElement>, 'color'> {
    as?: ElementType;
    to?: string;
    padding?: Spacing;
    paddingTop?: Spacing;
    paddingBottom?: Spacing;
    paddingLeft?: Spacing;
    paddingRight?: Spacing;
    marginTop?: Spacing;
    marginBottom?: Spacing;
    marginLeft?: Spacing;
    marginRight?: Spacing;
    background?: Color;
    color?: Color;
    borderColor?: Color;
    hasRadius?: boolean;
    shadow?: string;
    width?: string;
    minWidth?: string | number;
    maxWidth?: string;
    height?: string;
    flex?: string | number;
    grow?: number;
    position?: CSSProperties['position'];
    overflow?: string;
    children?: ReactNode;
  }
  export const Box: ComponentType<BoxProps>;

  export interface FlexProps extends BoxProps {
    direction?: 'row' | 'column';
    alignItems?: CSSProperties['alignItems'];
    justifyContent?: CSSProperties['justifyContent'];
    gap?: Spacing;
    wrap?: CSSProperties['flexWrap'];
    inline?: boolean;
  }
  export const Flex: ComponentType<FlexProps>;

  export const Grid: ComponentType<BoxProps & { gap?: Spacing; gridCols?: number }>;
  export const GridItem: ComponentType<BoxProps & { col?: number; s?: number; xs?: number }>;

  export type TypographyVariant = 'alpha' | 'beta' | 'delta' | 'epsilon' | 'omega' | 'pi' | 'sigma';
  export interface TypographyProps extends BoxProps {
    variant?: TypographyVariant;
    textColor?: Color;
    fontWeight?: 'regular' | 'semiBold' | 'bold';
    ellipsis?: boolean;
    id?: string;
  }
  export const Typography: ComponentType<TypographyProps>;

  export type ButtonVariant =
    | 'default'
    | 'secondary'
    | 'tertiary'
    | 'success'
    | 'success-light'
    | 'danger'
    | 'danger-light'
    | 'ghost';
  export interface ButtonProps {
    variant?: ButtonVariant;
    startIcon?: ReactNode;
    endIcon?: ReactNode;
    disabled?: boolean;
    loading?: boolean;
    fullWidth?: boolean;
    size?: 'S' | 'M' | 'L';
    type?: 'button' | 'submit' | 'reset';
    onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
    children?: ReactNode;
    form?: string;
  }
  export const Button: ComponentType<ButtonProps>;
  export const TextButton: ComponentType<ButtonProps>;

  export interface IconButtonProps {
    label: string;
    icon: ReactNode;
    onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
    disabled?: boolean;
    noBorder?: boolean;
    type?: 'button' | 'submit';
  }
  export const IconButton: ComponentType<IconButtonProps>;

  export interface FieldProps {
    label?: ReactNode;
    hint?: ReactNode;
    error?: string | boolean;
    required?: boolean;
    disabled?: boolean;
    id?: string;
    name?: string;
  }

  export interface TextInputProps extends FieldProps {
    value?: string;
    placeholder?: string;
    type?: string;
    onChange?: (event: React.ChangeEvent<HTMLInputElement>) => void;
    'aria-label'?: string;
  }
  export const TextInput: ComponentType<TextInputProps>;

  export interface TextareaProps extends FieldProps {
    value?: string;
    onChange?: (event: React.ChangeEvent<HTMLTextAreaElement>) => void;
  }
  export const Textarea: ComponentType<TextareaProps>;

  export interface DatePickerProps extends FieldProps {
    selectedDate?: Date;
    onChange: (date: Date | undefined) => void;
    onClear?: () => void;
    clearLabel?: string;
    locale?: string;
    maxDate?: Date;
    minDate?: Date;
  }
  export const DatePicker: ComponentType<DatePickerProps>;

  export interface ComboboxProps extends FieldProps {
    value?: string;
    textValue?: string;
    onChange?: (value: string | undefined) => void;
    onTextValueChange?: (text: string) => void;
    onClear?: () => void;
    clearLabel?: string;
    allowCustomValue?: boolean;
    autocomplete?: 'none' | 'list' | 'both';
    placeholder?: string;
    noOptionsMessage?: (text: string) => string;
    children?: ReactNode;
  }
  export const Combobox: ComponentType<ComboboxProps>;
  export const ComboboxOption: ComponentType<{
    value: string;
    /** What the input shows once the option is picked (its children by default). */
    textValue?: string;
    children?: ReactNode;
  }>;

  export interface MultiSelectProps extends FieldProps {
    value?: string[];
    onChange?: (value: string[]) => void;
    onClear?: () => void;
    clearLabel?: string;
    placeholder?: string;
    withTags?: boolean;
    customizeContent?: (value: string[]) => string;
    children?: ReactNode;
  }
  export const MultiSelect: ComponentType<MultiSelectProps>;
  export const MultiSelectOption: ComponentType<{ value: string; children?: ReactNode }>;

  export interface SingleSelectProps extends FieldProps {
    value?: string | number | null;
    onChange?: (value: string | number) => void;
    onClear?: () => void;
    clearLabel?: string;
    placeholder?: string;
    size?: 'S' | 'M';
    children?: ReactNode;
  }
  export const SingleSelect: ComponentType<SingleSelectProps>;
  export const SingleSelectOption: ComponentType<{ value: string | number; children?: ReactNode }>;

  export interface ToggleInputProps extends FieldProps {
    checked: boolean | null;
    onLabel: string;
    offLabel: string;
    onChange?: (event: React.ChangeEvent<HTMLInputElement>) => void;
  }
  export const ToggleInput: ComponentType<ToggleInputProps>;

  export interface RadioGroupProps {
    labelledBy?: string;
    name: string;
    value?: string;
    size?: 'M' | 'L';
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
    children?: ReactNode;
  }
  export const RadioGroup: ComponentType<RadioGroupProps>;
  export const Radio: ComponentType<{ value: string; disabled?: boolean; children?: ReactNode }>;

  export const Layout: ComponentType<{ sideNav?: ReactElement; children?: ReactNode }>;
  export interface HeaderLayoutProps {
    title: ReactNode;
    subtitle?: ReactNode;
    primaryAction?: ReactNode;
    secondaryAction?: ReactNode;
    navigationAction?: ReactNode;
    as?: ElementType;
  }
  export const HeaderLayout: ComponentType<HeaderLayoutProps>;
  export const ContentLayout: ComponentType<{ children?: ReactNode }>;
  export const Main: ComponentType<BoxProps & { labelledBy?: string; 'aria-busy'?: boolean }>;

  export const SubNav: ComponentType<{ ariaLabel: string; children?: ReactNode }>;
  export const SubNavHeader: ComponentType<{ label: string; as?: ElementType }>;
  export const SubNavSections: ComponentType<{ children?: ReactNode }>;
  export const SubNavSection: ComponentType<{
    label: string;
    collapsable?: boolean;
    badgeLabel?: string;
    children?: ReactNode;
  }>;
  export const SubNavLinkSection: ComponentType<{ label: string; children?: ReactNode }>;
  export const SubNavLink: ComponentType<{
    to: string;
    icon?: ReactNode;
    isSubSectionChild?: boolean;
    withBullet?: boolean;
    children?: ReactNode;
  }>;

  export const Breadcrumbs: ComponentType<{ label: string; children?: ReactNode }>;
  export const Crumb: ComponentType<{ children?: ReactNode }>;

  export const TabGroup: ComponentType<{
    label: string;
    id?: string;
    variant?: 'simple';
    initialSelectedTabIndex?: number;
    onTabChange?: (index: number) => void;
    children?: ReactNode;
  }>;
  export const Tabs: ComponentType<{ children?: ReactNode }>;
  export const Tab: ComponentType<{ children?: ReactNode }>;
  export const TabPanels: ComponentType<{ children?: ReactNode }>;
  export const TabPanel: ComponentType<{ children?: ReactNode }>;

  export const Table: ComponentType<{
    colCount: number;
    rowCount: number;
    footer?: ReactNode;
    children?: ReactNode;
  }>;
  export const Thead: ComponentType<{ children?: ReactNode }>;
  export const Tbody: ComponentType<{ children?: ReactNode }>;
  export const Tr: ComponentType<{
    children?: ReactNode;
    onClick?: (event: MouseEvent<HTMLTableRowElement>) => void;
    'aria-label'?: string;
  }>;
  export const Th: ComponentType<{ children?: ReactNode; action?: ReactNode }>;
  export const Td: ComponentType<{ children?: ReactNode; colSpan?: number }>;

  export const EmptyStateLayout: ComponentType<{
    icon?: ReactNode;
    content: ReactNode;
    action?: ReactNode;
    hasRadius?: boolean;
    shadow?: string;
  }>;
  export type EmptyStateLayoutProps = { action?: ReactNode; content: ReactNode; icon?: ReactNode };
  export const Loader: ComponentType<{ small?: boolean; children?: ReactNode }>;
  export const Badge: ComponentType<{
    active?: boolean;
    size?: 'S' | 'M';
    textColor?: Color;
    backgroundColor?: Color;
    children?: ReactNode;
  }>;
  export const Status: ComponentType<{
    variant?: 'primary' | 'secondary' | 'success' | 'warning' | 'danger' | 'neutral';
    showBullet?: boolean;
    size?: 'S' | 'M';
    children?: ReactNode;
  }>;
  export const Alert: ComponentType<{
    title?: string;
    variant?: 'default' | 'success' | 'danger' | 'warning';
    closeLabel: string;
    onClose?: () => void;
    action?: ReactNode;
    children?: ReactNode;
  }>;
  export const Divider: ComponentType<BoxProps>;
  export const VisuallyHidden: ComponentType<{ children?: ReactNode }>;

  export const ModalLayout: ComponentType<{
    onClose: () => void;
    labelledBy: string;
    children?: ReactNode;
  }>;
  export const ModalHeader: ComponentType<{ children?: ReactNode }>;
  export const ModalBody: ComponentType<{ children?: ReactNode }>;
  export const ModalFooter: ComponentType<{ startActions?: ReactNode; endActions?: ReactNode }>;

  export interface DialogProps {
    onClose: () => void;
    title: string;
    isOpen: boolean;
    id?: string;
    children?: ReactNode;
  }
  export const Dialog: ComponentType<DialogProps>;
  export const DialogBody: ComponentType<{ icon?: ReactNode; children?: ReactNode }>;
  export const DialogFooter: ComponentType<{ startAction?: ReactNode; endAction?: ReactNode }>;
  export type DialogBodyProps = { icon?: ReactNode; children?: ReactNode };

  export interface Theme {
    colors: Record<string, string>;
    [key: string]: unknown;
  }
  export const lightTheme: Theme;
  export const darkTheme: Theme;
  /** styled-components' useTheme, re-exported: the theme of the admin (light or dark). */
  export function useTheme(): Theme;
  export const ThemeProvider: ComponentType<{ theme: Theme; children?: ReactNode }>;
  export const DesignSystemProvider: ComponentType<{
    locale?: string;
    theme?: Theme;
    children?: ReactNode;
  }>;
}
