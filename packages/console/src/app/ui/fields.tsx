import type { ComponentChildren } from "preact";
import { useId, useState } from "preact/hooks";

interface TextFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value?: string;
  readonly type?: "text" | "password" | "number" | "datetime-local";
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly autoComplete?: string;
  readonly inputMode?: "decimal" | "numeric" | "text";
}

/** A labelled input; forms read their values from FormData, so fields keep no state. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        defaultValue={props.value ?? ""}
        required={props.required}
        placeholder={props.placeholder}
        autoComplete={props.autoComplete ?? "off"}
        inputMode={props.inputMode}
      />
    </div>
  );
}

interface SelectFieldProps {
  readonly label: string;
  readonly name: string;
  readonly options: readonly (string | readonly [value: string, label: string])[];
  readonly value?: string;
}

export function SelectField({ label, name, options, value }: SelectFieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} name={name}>
        {options.map((option) => {
          const [optionValue, optionLabel] = typeof option === "string" ? [option, option] : option;
          return (
            // Marked on the option: Preact leaves an uncontrolled select's defaultValue unset.
            <option key={optionValue} value={optionValue} selected={optionValue === (value ?? "")}>
              {optionLabel === "" ? "any" : optionLabel}
            </option>
          );
        })}
      </select>
    </div>
  );
}

/** The form's fields as strings, trimmed; empty fields are empty strings. */
export function formValues(event: Event): Record<string, string> {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string") values[name] = value.trim();
  }
  return values;
}

/** A dangerous action takes two clicks: the first turns the button into a confirmation. */
export function ConfirmButton({
  children,
  confirmLabel,
  onConfirm,
  disabled,
}: {
  readonly children: ComponentChildren;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
}) {
  const [armed, setArmed] = useState(false);
  if (!armed) {
    return (
      <button type="button" disabled={disabled} onClick={() => setArmed(true)}>
        {children}
      </button>
    );
  }
  return (
    <span class="confirm">
      <button
        type="button"
        class="danger"
        disabled={disabled}
        onClick={() => {
          setArmed(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setArmed(false)}>
        Cancel
      </button>
    </span>
  );
}
