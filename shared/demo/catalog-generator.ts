// The demo service catalog: the request forms a desk offers (new laptop, software install,
// shared drive access, password reset, …) with realistic fields. Data only; the same every time.

import type { CatalogField, CatalogItem } from '../domain/catalog';
import { SERVICE_DESK_GROUP_ID } from './directory-generator';

const justification = (required = true): CatalogField => ({
  name: 'business_justification',
  label: 'Business justification',
  type: 'multi-line-text',
  required,
  maxLength: 1000,
  help: 'What the person needs it for; the approver reads this.',
});

const neededBy = (required = false): CatalogField => ({
  name: 'needed_by',
  label: 'Needed by',
  type: 'date',
  required,
});

const options = (...labels: string[]) =>
  labels.map((label) => ({
    value: label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, ''),
    label,
  }));

const ITEMS: readonly Omit<CatalogItem, 'active'>[] = [
  {
    id: 'cat_new_laptop',
    name: 'New laptop',
    category: 'Hardware',
    description: 'A standard laptop for a new starter or to replace one that is old or broken.',
    keywords: ['notebook', 'computer', 'pc', 'replacement', 'hardware refresh'],
    fulfillmentGroup: 'grp_hardware',
    fields: [
      {
        name: 'model',
        label: 'Model',
        type: 'choice',
        required: true,
        options: options('Standard 14" laptop', 'Developer 16" laptop', 'Lightweight 13" laptop'),
      },
      {
        name: 'replaces_existing',
        label: 'Replaces an existing laptop',
        type: 'checkbox',
        required: false,
      },
      {
        name: 'current_asset_tag',
        label: 'Asset tag of the laptop it replaces',
        type: 'text',
        required: false,
        maxLength: 20,
      },
      neededBy(true),
      {
        name: 'delivery_location',
        label: 'Delivery location',
        type: 'text',
        required: true,
        maxLength: 120,
      },
      justification(),
    ],
  },
  {
    id: 'cat_software_install',
    name: 'Software install',
    category: 'Software',
    description: 'Install licensed software from the approved list on a company computer.',
    keywords: ['application', 'program', 'install', 'license', 'visio', 'acrobat'],
    fulfillmentGroup: 'grp_desktop_support',
    fields: [
      {
        name: 'software',
        label: 'Software',
        type: 'choice',
        required: true,
        options: options(
          'Microsoft Visio',
          'Microsoft Project',
          'Adobe Acrobat Pro',
          'Tableau Desktop',
          'Visual Studio Code',
          'SAP GUI',
          'Other (name it below)',
        ),
      },
      {
        name: 'other_software',
        label: 'Other software',
        type: 'text',
        required: false,
        maxLength: 120,
      },
      {
        name: 'computer_name',
        label: 'Computer name',
        type: 'text',
        required: true,
        maxLength: 20,
        help: 'On the sticker under the laptop, e.g. LT-FIN-00042.',
      },
      justification(false),
    ],
  },
  {
    id: 'cat_shared_drive_access',
    name: 'Access to a shared drive',
    category: 'Access',
    description: 'Read or change access to a departmental network drive or folder.',
    keywords: ['network drive', 'folder', 'file share', 'permissions', 'mapped drive'],
    fulfillmentGroup: 'grp_access_management',
    fields: [
      {
        name: 'drive_path',
        label: 'Drive or folder path',
        type: 'text',
        required: true,
        maxLength: 260,
        help: 'For example \\\\fs01\\finance\\reports.',
      },
      {
        name: 'access_level',
        label: 'Access level',
        type: 'choice',
        required: true,
        options: options('Read only', 'Read and write'),
      },
      {
        name: 'data_owner',
        label: 'Data owner who approves',
        type: 'user-reference',
        required: true,
      },
      justification(),
    ],
  },
  {
    id: 'cat_password_reset',
    name: 'Password reset',
    category: 'Accounts',
    description: 'Reset a forgotten or expired password, or unlock a locked account.',
    keywords: ['forgot password', 'locked out', 'unlock', 'account', 'login', 'expired'],
    fulfillmentGroup: 'grp_access_management',
    fields: [
      {
        name: 'account',
        label: 'Account',
        type: 'choice',
        required: true,
        options: options('Windows and network sign-in', 'SAP', 'Salesforce', 'Workday', 'Other'),
      },
      {
        name: 'identity_verified',
        label: "Caller's identity verified",
        type: 'checkbox',
        required: true,
        help: 'Employee id and one security question, as the desk procedure says.',
      },
      {
        name: 'locked_out',
        label: 'Account is locked',
        type: 'checkbox',
        required: false,
      },
    ],
  },
  {
    id: 'cat_new_mobile_phone',
    name: 'New mobile phone',
    category: 'Mobile',
    description: 'A company mobile phone with a contract, or a replacement for a lost one.',
    keywords: ['cell phone', 'smartphone', 'iphone', 'android', 'sim', 'contract'],
    fulfillmentGroup: 'grp_telephony',
    fields: [
      {
        name: 'device',
        label: 'Device',
        type: 'choice',
        required: true,
        options: options('iPhone 16', 'iPhone 16 Pro', 'Samsung Galaxy S25', 'Google Pixel 9'),
      },
      {
        name: 'plan',
        label: 'Plan',
        type: 'choice',
        required: true,
        options: options('Domestic', 'International roaming'),
      },
      { name: 'port_number', label: 'Keep my current number', type: 'checkbox', required: false },
      {
        name: 'current_number',
        label: 'Current number',
        type: 'text',
        required: false,
        maxLength: 32,
      },
      { name: 'cost_center', label: 'Cost center', type: 'text', required: true, maxLength: 20 },
      { name: 'approver', label: 'Approving manager', type: 'user-reference', required: true },
    ],
  },
  {
    id: 'cat_vpn_access',
    name: 'VPN access',
    category: 'Network',
    description: 'Remote access to the company network with the GlobalProtect VPN client.',
    keywords: ['remote access', 'work from home', 'globalprotect', 'remote', 'tunnel'],
    fulfillmentGroup: 'grp_network',
    fields: [
      {
        name: 'access_type',
        label: 'Access',
        type: 'choice',
        required: true,
        options: options('Standard (email and intranet)', 'Full network'),
      },
      { name: 'end_date', label: 'Access ends on', type: 'date', required: false },
      {
        name: 'country',
        label: 'Country working from',
        type: 'text',
        required: false,
        maxLength: 60,
      },
      justification(),
    ],
  },
  {
    id: 'cat_new_starter_account',
    name: 'New starter account',
    category: 'Accounts',
    description: 'Network account, mailbox and standard access for someone joining the company.',
    keywords: ['onboarding', 'new hire', 'new joiner', 'account', 'mailbox', 'user id'],
    fulfillmentGroup: 'grp_access_management',
    fields: [
      {
        name: 'starter_name',
        label: "New starter's full name",
        type: 'text',
        required: true,
        maxLength: 120,
      },
      { name: 'start_date', label: 'Start date', type: 'date', required: true },
      { name: 'department', label: 'Department', type: 'text', required: true, maxLength: 60 },
      { name: 'manager', label: 'Manager', type: 'user-reference', required: true },
      { name: 'needs_laptop', label: 'Needs a laptop too', type: 'checkbox', required: false },
    ],
  },
  {
    id: 'cat_shared_mailbox_access',
    name: 'Shared mailbox access',
    category: 'Email',
    description: 'Access to a team mailbox or distribution list in Outlook.',
    keywords: ['outlook', 'mailbox', 'distribution list', 'email', 'send as', 'delegate'],
    fulfillmentGroup: 'grp_email_collaboration',
    fields: [
      {
        name: 'mailbox',
        label: 'Mailbox address',
        type: 'text',
        required: true,
        maxLength: 254,
      },
      {
        name: 'permission',
        label: 'Permission',
        type: 'choice',
        required: true,
        options: options('Read', 'Send as', 'Full access'),
      },
      { name: 'mailbox_owner', label: 'Mailbox owner', type: 'user-reference', required: true },
    ],
  },
  {
    id: 'cat_monitor_dock',
    name: 'Monitor or docking station',
    category: 'Hardware',
    description: 'An extra screen, a docking station, a keyboard or a mouse for a desk.',
    keywords: ['screen', 'display', 'dock', 'usb-c', 'keyboard', 'mouse', 'peripheral'],
    fulfillmentGroup: 'grp_hardware',
    fields: [
      {
        name: 'item',
        label: 'Item',
        type: 'choice',
        required: true,
        options: options(
          '24" monitor',
          '27" monitor',
          'USB-C docking station',
          'Keyboard and mouse',
        ),
      },
      {
        name: 'quantity',
        label: 'Quantity',
        type: 'choice',
        required: true,
        options: options('1', '2'),
      },
      {
        name: 'delivery_location',
        label: 'Desk or room',
        type: 'text',
        required: true,
        maxLength: 120,
      },
    ],
  },
  {
    id: 'cat_printer_setup',
    name: 'Add a network printer',
    category: 'Hardware',
    description: 'Set up a network printer on a computer, or print release on a badge.',
    keywords: ['printer', 'print', 'papercut', 'badge', 'print queue'],
    fulfillmentGroup: 'grp_desktop_support',
    fields: [
      {
        name: 'printer',
        label: 'Printer name',
        type: 'text',
        required: true,
        maxLength: 40,
        help: 'On the label on the printer, e.g. LON-RH-F3-PRN01.',
      },
      {
        name: 'computer_name',
        label: 'Computer name',
        type: 'text',
        required: true,
        maxLength: 20,
      },
      {
        name: 'badge_release',
        label: 'Enable badge print release',
        type: 'checkbox',
        required: false,
      },
    ],
  },
  {
    id: 'cat_application_access',
    name: 'Business application access',
    category: 'Access',
    description: 'A role in SAP, Salesforce, Workday or another business application.',
    keywords: ['sap', 'salesforce', 'workday', 'role', 'license', 'permission'],
    fulfillmentGroup: 'grp_application_support',
    fields: [
      {
        name: 'application',
        label: 'Application',
        type: 'choice',
        required: true,
        options: options('SAP', 'Salesforce', 'Workday', 'Tableau Server'),
      },
      { name: 'role', label: 'Role needed', type: 'text', required: true, maxLength: 80 },
      {
        name: 'same_as',
        label: 'Same access as (a colleague)',
        type: 'user-reference',
        required: false,
      },
      { name: 'approver', label: 'Approving manager', type: 'user-reference', required: true },
      justification(),
    ],
  },
  {
    id: 'cat_mfa_reset',
    name: 'Multi-factor authentication reset',
    category: 'Accounts',
    description: 'Register a new phone for sign-in approval after a phone was lost or replaced.',
    keywords: ['mfa', '2fa', 'authenticator', 'new phone', 'sign-in approval', 'token'],
    fulfillmentGroup: 'grp_access_management',
    fields: [
      {
        name: 'reason',
        label: 'Reason',
        type: 'choice',
        required: true,
        options: options('New phone', 'Lost phone', 'Authenticator app removed'),
      },
      {
        name: 'identity_verified',
        label: "Caller's identity verified",
        type: 'checkbox',
        required: true,
      },
    ],
  },
  {
    id: 'cat_guest_wifi',
    name: 'Guest Wi-Fi access',
    category: 'Network',
    description: 'Wi-Fi access for a visitor for up to five days.',
    keywords: ['wifi', 'wireless', 'visitor', 'guest', 'internet'],
    fulfillmentGroup: SERVICE_DESK_GROUP_ID,
    fields: [
      { name: 'guest_name', label: "Guest's name", type: 'text', required: true, maxLength: 120 },
      { name: 'visit_date', label: 'First day of the visit', type: 'date', required: true },
      {
        name: 'days',
        label: 'Days',
        type: 'choice',
        required: true,
        options: options('1', '2', '3', '5'),
      },
      { name: 'host', label: 'Host', type: 'user-reference', required: true },
    ],
  },
  {
    id: 'cat_meeting_room_av',
    name: 'Meeting room equipment',
    category: 'Facilities',
    description: 'Set-up or repair of a screen, camera or speakerphone in a meeting room.',
    keywords: ['conference room', 'projector', 'camera', 'teams room', 'zoom room', 'av'],
    fulfillmentGroup: 'grp_facilities',
    fields: [
      { name: 'room', label: 'Room', type: 'text', required: true, maxLength: 60 },
      neededBy(true),
      {
        name: 'details',
        label: 'What is needed',
        type: 'multi-line-text',
        required: true,
        maxLength: 2000,
      },
    ],
  },
  {
    id: 'cat_usb_exception',
    name: 'USB storage exception',
    category: 'Security',
    description: 'Permission to use USB storage on a company computer for a limited time.',
    keywords: ['usb', 'memory stick', 'external drive', 'exception', 'security'],
    fulfillmentGroup: 'grp_security_operations',
    fields: [
      {
        name: 'computer_name',
        label: 'Computer name',
        type: 'text',
        required: true,
        maxLength: 20,
      },
      { name: 'end_date', label: 'Exception ends on', type: 'date', required: true },
      {
        name: 'policy_accepted',
        label: 'The requester accepts the removable media policy',
        type: 'checkbox',
        required: true,
      },
      justification(),
    ],
  },
  {
    id: 'cat_desk_phone',
    name: 'Desk phone or headset',
    category: 'Mobile',
    description: 'A desk phone, a softphone licence or a headset.',
    keywords: ['telephone', 'headset', 'softphone', 'extension', 'voicemail'],
    fulfillmentGroup: 'grp_telephony',
    fields: [
      {
        name: 'item',
        label: 'Item',
        type: 'choice',
        required: true,
        options: options('Desk phone', 'Softphone licence', 'Wired headset', 'Wireless headset'),
      },
      {
        name: 'extension',
        label: 'Extension, if you have one',
        type: 'text',
        required: false,
        maxLength: 10,
      },
    ],
  },
];

/** The demo catalog, in a stable order, every item active; a fresh copy each time. */
export function generateCatalog(): CatalogItem[] {
  return ITEMS.map((item) => ({
    ...item,
    keywords: [...item.keywords],
    fields: item.fields.map((field) =>
      field.type === 'choice'
        ? { ...field, options: field.options.map((o) => ({ ...o })) }
        : { ...field },
    ),
    active: true,
  }));
}
