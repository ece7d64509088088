import type { QuoteFormCopy } from "@/lib/quotes/copy-schema";
import type { QuoteField as QuoteFieldName } from "@/lib/quotes/fields";
import type { FieldErrors } from "@/lib/quotes/schema";
import { Field, type FieldProps } from "./field";

/** The id of a quote field's control: the error summary links to it and the form focuses it. */
export const quoteFieldId = (field: QuoteFieldName) => `quote-${field}`;

type Props = Pick<FieldProps, "required" | "describedBy" | "checkbox" | "children"> & {
  name: QuoteFieldName;
  copy: QuoteFormCopy;
  errors: FieldErrors;
};

/** A field of the quote form: its id, label, hint, required/optional text and errors, from the copy and the reply. */
export function QuoteField({ name, copy, errors, ...rest }: Props) {
  return (
    <Field
      id={quoteFieldId(name)}
      name={name}
      label={copy.fields[name].label}
      hint={copy.fields[name].hint}
      requiredText={copy.required}
      optionalText={copy.optional}
      errors={errors[name]}
      {...rest}
    />
  );
}
