import * as SelectPrimitive from "@radix-ui/react-select";
import { Check, ChevronDown } from "lucide-react";
import { useId } from "react";

export type SelectOption<Value extends string> = {
  value: Value;
  label: string;
  description?: string;
};

type SelectProps<Value extends string> = {
  label: string;
  value: Value;
  options: SelectOption<Value>[];
  onValueChange: (value: Value) => void;
  disabled?: boolean;
};

// A labelled single choice. Radix handles the keyboard (arrows, type-ahead, Escape) and puts
// the list in a portal so it is never clipped by a dialog.
export function Select<Value extends string>(
  { label, value, options, onValueChange, disabled }: SelectProps<Value>,
) {
  const labelId = useId();
  return (
    <div className="space-y-1.5">
      <span id={labelId} className="block text-sm font-medium text-neutral-700 dark:text-zinc-200">
        {label}
      </span>
      <SelectPrimitive.Root
        value={value}
        disabled={disabled}
        onValueChange={(next) => onValueChange(next as Value)}
      >
        <SelectPrimitive.Trigger
          aria-labelledby={labelId}
          data-slot="select-trigger"
          className="flex h-10 w-full items-center justify-between rounded-md border border-neutral-300 dark:border-zinc-700 bg-white dark:bg-zinc-900 px-3 text-sm text-neutral-900 dark:text-zinc-50 shadow-xs focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 focus:outline-none disabled:opacity-50"
        >
          <SelectPrimitive.Value />
          <SelectPrimitive.Icon>
            <ChevronDown
              className="size-4 text-neutral-400 dark:text-zinc-500"
              aria-hidden="true"
            />
          </SelectPrimitive.Icon>
        </SelectPrimitive.Trigger>
        <SelectPrimitive.Portal>
          <SelectPrimitive.Content
            position="popper"
            sideOffset={4}
            className="z-50 w-(--radix-select-trigger-width) rounded-lg border border-neutral-200 dark:border-zinc-800 bg-white dark:bg-zinc-900 p-1 shadow-lg"
          >
            <SelectPrimitive.Viewport>
              {options.map((option) => (
                <SelectPrimitive.Item
                  key={option.value}
                  value={option.value}
                  className="relative flex cursor-default flex-col rounded-md py-2 pr-8 pl-2.5 text-sm outline-none select-none data-highlighted:bg-neutral-100 dark:data-highlighted:bg-zinc-800"
                >
                  <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                  {option.description && (
                    <span className="text-xs text-neutral-500 dark:text-zinc-400">
                      {option.description}
                    </span>
                  )}
                  <SelectPrimitive.ItemIndicator className="absolute top-2.5 right-2">
                    <Check
                      className="size-4 text-indigo-600 dark:text-indigo-400"
                      aria-hidden="true"
                    />
                  </SelectPrimitive.ItemIndicator>
                </SelectPrimitive.Item>
              ))}
            </SelectPrimitive.Viewport>
          </SelectPrimitive.Content>
        </SelectPrimitive.Portal>
      </SelectPrimitive.Root>
    </div>
  );
}
