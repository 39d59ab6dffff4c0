import { ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components/Button';
import { Dialog, DialogTrigger } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { AriaLocale } from './aria-locale';

/**
 * A step that undoes work or shuts people out (disabling an account or an organization,
 * withdrawing, cancelling) asks first: a button opens a modal dialog (React Aria: role
 * alertdialog, the focus kept inside and given back to the button, Escape closes) that says
 * what will happen, with the action and "Cancel". `onConfirm` runs when the action is
 * chosen, after the dialog closes.
 */
export function ConfirmButton({
  label,
  accessibleLabel,
  title,
  children,
  confirmLabel,
  onConfirm,
  isDisabled,
  className = 'button-danger',
}: {
  /** The button's text. */
  label: string;
  /** The button's name when its text alone is ambiguous (one per row). */
  accessibleLabel?: string;
  title: string;
  /** What will happen. */
  children: ReactNode;
  /** The action's button in the dialog; `label` when absent. */
  confirmLabel?: string;
  onConfirm: () => void;
  isDisabled?: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <AriaLocale>
      <DialogTrigger isOpen={open} onOpenChange={setOpen}>
        <Button className={className} aria-label={accessibleLabel} isDisabled={isDisabled}>
          {label}
        </Button>
        <ModalOverlay className="modal-overlay" isDismissable>
          <Modal className="modal">
            <Dialog role="alertdialog" className="dialog">
              {({ close }) => (
                <>
                  <Heading slot="title">{title}</Heading>
                  <div className="dialog-body">{children}</div>
                  <div className="actions">
                    <Button className="button-secondary" onPress={close} autoFocus>
                      {t('common.cancel')}
                    </Button>
                    <Button
                      className={className}
                      onPress={() => {
                        close();
                        onConfirm();
                      }}
                    >
                      {confirmLabel ?? label}
                    </Button>
                  </div>
                </>
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
    </AriaLocale>
  );
}
