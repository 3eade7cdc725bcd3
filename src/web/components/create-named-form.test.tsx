// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateNamedForm } from './create-named-form';

afterEach(cleanup);

interface Endpoint {
  url: string;
  kinds: string[];
}

/** A webhook-like form: the address field, one more field, and a mutation that may refuse. */
function EndpointForm({ refuse }: { refuse?: string }) {
  const [kinds, setKinds] = useState('item');
  const [created, setCreated] = useState<Endpoint | null>(null);
  const create = useMutation({
    mutationFn: async (input: Endpoint) => {
      if (refuse) throw new Error(refuse);
      return input;
    },
  });
  return (
    <>
      <CreateNamedForm
        create={create}
        toInput={(url) => ({ url, kinds: kinds.split(',') })}
        onCreated={setCreated}
        type="url"
        maxLength={2000}
        label="Endpoint URL"
        placeholder="https://hooks.example.com"
        submitLabel="Add endpoint"
      >
        <label>
          Kinds
          <input value={kinds} onChange={(e) => setKinds(e.target.value)} />
        </label>
      </CreateNamedForm>
      {created && <p>Created {`${created.url} for ${created.kinds.join(' and ')}`}</p>}
    </>
  );
}

function renderForm(refuse?: string) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <EndpointForm refuse={refuse} />
    </QueryClientProvider>,
  );
  const url = screen.getByLabelText('Endpoint URL') as HTMLInputElement;
  fireEvent.change(url, { target: { value: 'https://hooks.example.com/h' } });
  fireEvent.change(screen.getByLabelText('Kinds'), { target: { value: 'item,order' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add endpoint' }));
  return url;
}

describe('CreateNamedForm', () => {
  it('should send the input built from the field and the extra fields, then clear the field', async () => {
    const url = renderForm();
    expect(await screen.findByText('Created https://hooks.example.com/h for item and order')).toBeTruthy();
    expect(url.value).toBe('');
    expect(url.type).toBe('url');
    expect(url.maxLength).toBe(2000);
  });

  it('should keep the value and show the refusal when the server refuses', async () => {
    const url = renderForm('that address is private');
    expect((await screen.findByRole('alert')).textContent).toContain('that address is private');
    expect(url.value).toBe('https://hooks.example.com/h');
  });
});
