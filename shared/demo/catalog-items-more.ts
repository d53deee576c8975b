// The demo catalog's other eight request forms (monitors and docking, network printers, app
// access, MFA reset, guest Wi-Fi, rooms, USB exceptions, desk phones). Data only; always the same.

import type { CatalogItem } from '../domain/catalog';
import { justification, neededBy, options } from './catalog-fields';
import { SERVICE_DESK_GROUP_ID } from './directory-generator';

export const MORE_ITEMS: readonly Omit<CatalogItem, 'active'>[] = [
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
